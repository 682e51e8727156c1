using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A report's columns as the console shows them (issue 17): the title in words, the kind judged from the values, and a
/// display that writes currency, percentages and dates, and puts names in place of ids the tenant's books know.
/// </summary>
public static class ReportColumns
{
    /// <summary>The report's total row (id "total", as aging writes it), kept out of sorting and paging.</summary>
    public const string TotalRowId = "total";

    /// <summary>Columns that name jobs, shown by job number and name however the report names them (issue 17).</summary>
    private static readonly HashSet<string> JobColumns = new(["job", "jobs", "jobId", "job_id"], StringComparer.Ordinal);

    public static IReadOnlyList<ListColumn> For(ReportTable table, NameBook names, TimeZoneInfo zone) =>
        For(table.Columns.Where(c => c != "id" || table.Columns.Count == 1).ToList(), table.Rows, names, zone);

    public static IReadOnlyList<ListColumn> For(IReadOnlyList<string> columns, IReadOnlyList<JsonObject> rows, NameBook names, TimeZoneInfo zone) =>
        columns.Select(c =>
        {
            var kind = AccountingText.KindOf(c, rows.Select(r => ListQuery.Cell(r, c)));
            Func<string, string> display = kind != AccountingText.Kind.Text ? v => AccountingText.Format(kind, v, zone)
                : JobColumns.Contains(c) ? names.Jobs : names.Names;
            return new ListColumn(c, AccountingText.Title(c), kind, display);
        }).ToList();

    public static (IReadOnlyList<JsonObject> Rows, JsonObject? Total) SplitTotal(IReadOnlyList<JsonObject> rows) =>
        (rows.Where(r => ListQuery.Cell(r, "id") != TotalRowId).ToList(), rows.FirstOrDefault(r => ListQuery.Cell(r, "id") == TotalRowId));
}
