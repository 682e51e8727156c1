using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Tools.Narration;

/// <summary>The outcome of checking a text's numbers: passed when <paramref name="Unknown"/> is empty.</summary>
public sealed record NumberCheckResult(IReadOnlyList<string> Unknown)
{
    public bool Passed => Unknown.Count == 0;
}

/// <summary>
/// The strict numeric check for text that leaves the company (dunning drafts, issue 5): every number in it must be one
/// of the computed figures, written out in full (a customer's letter states exact amounts and ISO dates only). Model
/// narratives for approvers are held to another rule: they write no number at all, only placeholders the product renders
/// (kernel/BackOffice.Kernel/Narration/PlaceholderGuard.cs, issue 15). Dates (yyyy-MM-dd) must equal an allowed date;
/// any other number ("$12,400.00", "45", "10%") must equal an allowed figure value numerically. Identifiers that
/// contain digits (invoice numbers, "Suite 300 TI") are named as such and taken out before the scan, so they
/// neither pass nor fail as amounts.
/// </summary>
public static partial class NumberCheck
{
    [Description("Check that every number and date in a text is one of the computed figures; returns the ones that are not.")]
    public static NumberCheckResult Check(
        [Description("The text to check, e.g. a drafted message")] string text,
        [Description("Computed figure values as invariant text: '12400.00', '45', '2026-12-03'")] IEnumerable<string> figures,
        [Description("Names and ids that may contain digits and are not figures, e.g. invoice numbers")] IEnumerable<string> identifiers)
    {
        var allowed = figures.ToList();
        var dates = allowed.Where(f => DateRegex().IsMatch(f)).ToHashSet(StringComparer.Ordinal);
        var numbers = allowed.Select(Parse).OfType<decimal>().ToHashSet();
        foreach (var identifier in identifiers.Where(i => !string.IsNullOrEmpty(i)).OrderByDescending(i => i.Length))
        {
            // Whole tokens only: invoice "1" must not eat the 1s inside "2026-10-01" or "$1,250.00".
            text = Regex.Replace(text, @"(?<![\w.,$-])" + Regex.Escape(identifier) + @"(?![\w]|[.,]\d)", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        var unknown = new List<string>();
        foreach (Match date in DateRegex().Matches(text))
        {
            if (!dates.Contains(date.Value))
            {
                unknown.Add(date.Value);
            }
        }

        foreach (Match number in NumberRegex().Matches(DateRegex().Replace(text, " ")))
        {
            if (Parse(number.Value) is not { } value || !numbers.Contains(value))
            {
                unknown.Add(number.Value);
            }
        }

        return new NumberCheckResult(unknown);
    }

    private static decimal? Parse(string text)
    {
        var plain = text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex DateRegex();

    /// <summary>"$12,400.00", "-$5.00", "12400", "3.5": thousands separators only in groups of three, so "1,2" is two numbers.</summary>
    [GeneratedRegex(@"-?\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\$?\d+(?:\.\d+)?")]
    private static partial Regex NumberRegex();
}
