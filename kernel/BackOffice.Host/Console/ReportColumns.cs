using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A report's columns as the console shows them (issue 17): the title in words, the kind judged from the values, and a
/// display that writes currency, percentages and dates, and puts names in place of ids the tenant's books know.
/// </summary>
public static partial class ReportColumns
{
    /// <summary>The report's total row (id "total", as aging writes it), kept out of sorting and paging.</summary>
    public const string TotalRowId = "total";

    /// <summary>Columns that name jobs, shown by job number and name however the report names them (issue 17).</summary>
    private static readonly HashSet<string> JobColumns = new(["job", "jobs", "jobId", "job_id"], StringComparer.Ordinal);

    public static IReadOnlyList<ListColumn> For(ReportTable table, NameBook names, TimeZoneInfo zone) =>
        [.. For(table.Columns.Where(c => c != "id" || table.Columns.Count == 1).ToList(), table.Rows, names, zone)
            .Select(c => table.RowsAdd ? c : c with { Sums = false })];

    /// <summary>
    /// Issue 17: a unit rate (regularRate, overtimeRate, baseRate, a burdened rate) is money a unit, so a sum of rates is
    /// no figure: the footer leaves those columns empty.
    /// </summary>
    private static bool IsRate(string column) => column.EndsWith("Rate", StringComparison.Ordinal) || column.EndsWith("_rate", StringComparison.Ordinal) || column == "rate";

    public static IReadOnlyList<ListColumn> For(IReadOnlyList<string> columns, IReadOnlyList<JsonObject> rows, NameBook names, TimeZoneInfo zone) =>
        columns.Select(c =>
        {
            var kind = AccountingText.KindOf(c, rows.Select(r => ListQuery.Cell(r, c)));
            Func<string, string> display = kind != AccountingText.Kind.Text ? v => AccountingText.Format(kind, v, zone)
                : JobColumns.Contains(c) ? names.Jobs
                : IsFlags(rows, c) ? v => AccountingText.Flag(c, v) ?? v
                : IsKeys(rows, c) ? Words
                : names.Names;
            return new ListColumn(c, AccountingText.Title(c), kind, display) { Sums = !IsRate(c) };
        }).ToList();

    /// <summary>Issue 17: a column a report writes true/false (variance's over90Committed) reads Yes/No.</summary>
    private static bool IsFlags(IReadOnlyList<JsonObject> rows, string column)
    {
        var present = rows.Select(r => ListQuery.Cell(r, column)).Where(v => v.Length > 0).ToList();
        return present.Count > 0 && present.All(v => v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Issue 17: a column of keys (the reconciliation's category "commitment-not-in-ledger") reads as words ("Commitment
    /// not in ledger"); the filter and the exports keep the key.
    /// </summary>
    private static bool IsKeys(IReadOnlyList<JsonObject> rows, string column)
    {
        var present = rows.Select(r => ListQuery.Cell(r, column)).Where(v => v.Length > 0).ToList();
        return present.Count > 0 && present.All(v => Key().IsMatch(v));
    }

    private static string Words(string key) => Key().IsMatch(key) ? char.ToUpperInvariant(key[0]) + key[1..].Replace('-', ' ') : key;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]+(?:-[a-z]+)+$")]
    private static partial System.Text.RegularExpressions.Regex Key();

    public static (IReadOnlyList<JsonObject> Rows, JsonObject? Total) SplitTotal(IReadOnlyList<JsonObject> rows)
    {
        var split = Split(rows);
        return (split.Rows, split.Total);
    }

    /// <summary>
    /// Issue 17: a report's detail rows, its total row, and the lines it writes after its total (the allowance's account
    /// balance and adjusting entry): those are neither detail nor part of the total, so they are shown below the total
    /// and never summed, sorted or filtered. A report whose total is its last row (aging) has no such lines.
    /// </summary>
    public static ReportRows Split(IReadOnlyList<JsonObject> rows)
    {
        var at = rows.ToList().FindIndex(r => ListQuery.Cell(r, "id") == TotalRowId);
        return at < 0 ? new ReportRows(rows, null, [])
            : new ReportRows([.. rows.Take(at)], rows[at], [.. rows.Skip(at + 1).Where(r => ListQuery.Cell(r, "id") != TotalRowId)]);
    }
}

/// <summary>A report's rows as the console shows them: detail (listed), the report's total, and lines below the total.</summary>
public sealed record ReportRows(IReadOnlyList<JsonObject> Rows, JsonObject? Total, IReadOnlyList<JsonObject> Below)
{
    /// <summary>What an export holds after the detail rows: the total and the lines below it, in the report's order.</summary>
    public IReadOnlyList<JsonObject> Footer => Total is null ? [] : [Total, .. Below];
}
