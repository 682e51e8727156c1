using System.Globalization;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>Which amounts a field accepts (issue 19): every money field of a payload declares one.</summary>
public enum SignRule
{
    /// <summary>Greater than zero (a promise, a bill total).</summary>
    Positive,

    /// <summary>Zero or more (a price).</summary>
    NonNegative,

    /// <summary>Anything but zero (an adjustment may take back).</summary>
    NonZero,

    /// <summary>Any sign (a bill line: retainage held is negative).</summary>
    Any,
}

/// <summary>
/// Field checks shared by the payload records (issue 19). Each adds a <see cref="PayloadProblem"/> naming the field
/// instead of throwing, so one edit reports every bad field at once.
/// </summary>
public static class PayloadChecks
{
    public static string? Required(List<PayloadProblem> problems, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new PayloadProblem(field, "missing."));
            return null;
        }

        return text;
    }

    /// <summary>A date yyyy-MM-dd that exists on the calendar ("2026-02-30" and "31/31/2026" are refused).</summary>
    public static DateOnly? Date(List<PayloadProblem> problems, string field, string? text, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new PayloadProblem(field, "missing; a date yyyy-MM-dd is needed."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new PayloadProblem(field, $"'{text}' is not a date yyyy-MM-dd that exists."));
        return null;
    }

    /// <summary>Invariant decimal text ("1234.50") with at most <paramref name="decimals"/> places and the field's sign rule.</summary>
    public static decimal? Amount(List<PayloadProblem> problems, string field, string? text, SignRule rule, int decimals = 2)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new PayloadProblem(field, "missing; an amount such as 1234.50 is needed."));
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            problems.Add(new PayloadProblem(field, $"'{text}' is not an amount such as 1234.50."));
            return null;
        }

        if (decimal.Round(amount, decimals) != amount)
        {
            problems.Add(new PayloadProblem(field, $"'{text}' has more than {decimals} decimals."));
            return null;
        }

        var broken = rule switch
        {
            SignRule.Positive => amount <= 0m ? "must be greater than zero" : null,
            SignRule.NonNegative => amount < 0m ? "must not be negative" : null,
            SignRule.NonZero => amount == 0m ? "must not be zero" : null,
            _ => null,
        };
        if (broken is not null)
        {
            problems.Add(new PayloadProblem(field, $"'{text}' {broken}."));
            return null;
        }

        return amount;
    }

    /// <summary>A sum that is null when any part failed its check, so a summary never shows a partial total.</summary>
    public static decimal? Sum(IEnumerable<decimal?> amounts)
    {
        var total = 0m;
        foreach (var amount in amounts)
        {
            if (amount is null)
            {
                return null;
            }

            total += amount.Value;
        }

        return total;
    }
}
