using System.ComponentModel;
using BackOffice.Domain.Documents;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Documents;

/// <param name="Rule">Which identity failed, e.g. "lines = subtotal".</param>
public sealed record ArithmeticIssue(string Rule, decimal Computed, decimal Stated)
{
    public decimal Difference => Stated - Computed;
}

/// <summary>Whether the bill's own numbers agree; <paramref name="Missing"/> names totals the text did not state.</summary>
public sealed record ArithmeticCheck(IReadOnlyList<ArithmeticIssue> Issues, IReadOnlyList<string> Missing)
{
    public bool Ties => Issues.Count == 0 && Missing.Count == 0;
}

/// <summary>
/// Checks a bill against itself (issue 6): quantity x price = line amount (rounded to the cent, half away from zero,
/// by MoneyMath), lines = subtotal, subtotal + tax = total, total - retainage = amount due. A mismatch is reported
/// with both figures; nothing is corrected, because which figure is wrong is a person's call.
/// </summary>
public static class BillArithmetic
{
    [Description("Check a bill's arithmetic: line extensions, lines to subtotal, subtotal plus tax to total, total less retainage to amount due.")]
    public static ArithmeticCheck Check([Description("The extracted bill")] ExtractedBill bill)
    {
        var issues = new List<ArithmeticIssue>();
        foreach (var line in bill.Lines.Where(l => l.Quantity is not null && l.UnitPrice is not null))
        {
            var extended = MoneyMath.RoundToCent(line.Quantity!.Value * line.UnitPrice!.Value);
            if (extended != line.Amount)
            {
                issues.Add(new ArithmeticIssue($"quantity x price = amount ({line.Description})", extended, line.Amount));
            }
        }

        var linesSum = bill.Lines.Sum(l => l.Amount);
        var subtotal = bill.Subtotal;
        if (bill.Lines.Count > 0 && subtotal is { } stated && linesSum != stated)
        {
            issues.Add(new ArithmeticIssue("lines = subtotal", linesSum, stated));
        }

        var baseAmount = subtotal ?? (bill.Lines.Count > 0 ? linesSum : null);
        var gross = bill.Total;
        if (gross is { } total && baseAmount is { } b && b + (bill.Tax ?? 0m) != total)
        {
            issues.Add(new ArithmeticIssue(bill.Tax is null ? "subtotal = total" : "subtotal + tax = total", b + (bill.Tax ?? 0m), total));
        }

        gross ??= baseAmount + (bill.Tax ?? 0m);
        if (bill.Retainage is { } retainage && bill.AmountDue is { } due && gross is { } g && g - retainage != due)
        {
            issues.Add(new ArithmeticIssue("total - retainage = amount due", g - retainage, due));
        }
        else if (bill.Retainage is null && bill.Total is { } t && bill.AmountDue is { } d && t != d)
        {
            issues.Add(new ArithmeticIssue("total = amount due", t, d));
        }

        var missing = new List<string>();
        if (bill.Payable is null)
        {
            missing.Add("no total or amount due");
        }

        if (bill.Lines.Count == 0 && subtotal is null)
        {
            missing.Add("no line items or subtotal");
        }

        return new ArithmeticCheck(issues, missing);
    }
}
