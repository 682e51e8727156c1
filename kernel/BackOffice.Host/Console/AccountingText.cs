using System.Globalization;
using System.Text;
using BackOffice.Domain.Money;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The words and number formats of accounting software (issue 17): column titles in words, amounts as US currency,
/// dates as "Nov 3, 2026", timestamps in the tenant's time zone. Used for display only: sorting, filtering and exports
/// work on the reports' own invariant values.
/// </summary>
public static partial class AccountingText
{
    public enum Kind { Text, Money, Percent, Number, Date, Timestamp }

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["id"] = "Id", ["txnDate"] = "Date", ["docNumber"] = "Doc no.", ["ot"] = "Overtime hours", ["dt"] = "Double-time hours",
        ["reg"] = "Regular hours", ["paidOt"] = "Overtime paid (hours)", ["eacPmForecast"] = "EAC (PM forecast)",
        ["eacAcPlusEtc"] = "EAC (AC + ETC)", ["eacBacOverCpi"] = "EAC (BAC / CPI)", ["eacBasis"] = "EAC basis", ["eacMethod"] = "EAC method",
        ["estimateAtCompletion"] = "Estimate at completion", ["crewToAdd"] = "Crew to add", ["daysPastDue"] = "Days past due",
        ["openCommitments"] = "Open commitments", ["toChase"] = "To chase", ["costCode"] = "Cost code", ["wip"] = "WIP",
        ["txn_date"] = "Transaction date", ["doc_number"] = "Doc no.", ["fully_qualified_name"] = "Full name",
    };

    public static string Title(string column)
    {
        if (Titles.TryGetValue(column, out var known))
        {
            return known;
        }

        var words = new StringBuilder();
        for (var i = 0; i < column.Length; i++)
        {
            var c = column[i];
            if (char.IsUpper(c) && i > 0 && column[i - 1] != ' ')
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c == '_' ? ' ' : i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    /// <summary>What a column holds, judged from its name and every non-empty value in it (the kernel's rule, shared with `ask`).</summary>
    public static Kind KindOf(string column, IEnumerable<string?> values) => (Kind)Kernel.Reports.ReportCells.KindOf(column, values);

    public static string Format(Kind kind, string? value, TimeZoneInfo zone) => value is null or "" ? "" : kind switch
    {
        Kind.Money when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => MoneyText.Usd(d),
        Kind.Percent => value + "%",
        Kind.Date => Date(value),
        Kind.Timestamp => Timestamp(value, zone),
        _ => value,
    };

    public static string Date(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) : isoDate;

    /// <summary>A UTC instant as "Nov 3, 2026 9:05 AM" in <paramref name="zone"/>: no milliseconds, no "Z".</summary>
    public static string Timestamp(string instant, TimeZoneInfo zone) =>
        DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture) : instant;

    public static bool IsTimestamp(string value) => Kernel.Reports.ReportCells.IsTimestamp(value);

    /// <summary>
    /// Issue 17: a yes/no stored as 0/1 (SQLite and PostgreSQL integer columns: active, is_*, *_enabled) or written
    /// true/false by a report, in words: "Active"/"Inactive" for active, else "Yes"/"No"; null when it is no flag.
    /// </summary>
    public static string? Flag(string key, string raw)
    {
        var on = raw is "1" || raw.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : raw is "0" || raw.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
        var named = key is "active" || key.StartsWith("is_", StringComparison.Ordinal) || key.EndsWith("_enabled", StringComparison.Ordinal);
        return on is not { } yes ? null
            : key == "active" ? (yes ? "Active" : "Inactive")
            : named || raw is not ("0" or "1") ? (yes ? "Yes" : "No") : null;
    }

    public static bool IsRightAligned(Kind kind) => kind is Kind.Money or Kind.Percent or Kind.Number;
}
