using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Reports;

/// <summary>What a report column holds. The order matches the console's <c>AccountingText.Kind</c>, which is this.</summary>
public enum ReportCellKind { Text, Money, Percent, Number, Date, Timestamp }

/// <summary>
/// What a report column holds, judged from its name and values (issue 17, moved here for issue 15): the console formats
/// by it, and `ask` decides which cells are figures the product renders (money, percent, count, date) and which are text.
/// Reports write every cell as invariant text ("-123.45", "2026-11-03").
/// </summary>
public static partial class ReportCells
{
    public static ReportCellKind KindOf(string column, IEnumerable<string?> values)
    {
        var present = values.Where(v => !string.IsNullOrEmpty(v)).Take(200).ToList();
        if (present.Count == 0)
        {
            return ReportCellKind.Text;
        }

        if (present.All(v => DecimalText().IsMatch(v!)))
        {
            return column.Contains("percent", StringComparison.OrdinalIgnoreCase) ? ReportCellKind.Percent
                : NotMoneyPattern().IsMatch(column) || !present.Any(v => v!.Contains('.', StringComparison.Ordinal)) ? ReportCellKind.Number : ReportCellKind.Money;
        }

        return present.All(v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) ? ReportCellKind.Date
            : present.All(v => IsTimestamp(v!)) ? ReportCellKind.Timestamp : ReportCellKind.Text;
    }

    public static bool IsTimestamp(string value) =>
        value.Length >= 19 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex DecimalText();

    // Columns that carry hours, days, counts or scores; everything else written as "-123.45" is money.
    [GeneratedRegex("hours|clocked|claimed|^reg$|^ot$|^dt$|paidOt|demand|capacity|^overtime$|avoidable|score|days|rank|crew|week|count|estimatesMoving|level|_e4$|_bp$", RegexOptions.IgnoreCase)]
    private static partial Regex NotMoneyPattern();
}
