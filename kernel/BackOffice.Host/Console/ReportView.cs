using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A report's rows filtered and sorted as asked, ready to render one page (issue 17). The same filtered rows feed the
/// CSV and Excel exports, so an export holds exactly what the list shows, every page of it.
/// </summary>
public sealed record ReportView(
    ReportTable Table, IReadOnlyList<ListColumn> Columns, ListQuery Query, IReadOnlyList<JsonObject> AllRows, IReadOnlyList<JsonObject> Rows,
    JsonObject? Total, int PageSize)
{
    /// <summary>Issue 17: the report's lines after its total (<see cref="ReportColumns.Split"/>), shown under it, never summed.</summary>
    public IReadOnlyList<JsonObject> Below { get; init; } = [];

    /// <summary>What an export holds: every matching row, then the report's total and the lines below it.</summary>
    public IReadOnlyList<JsonObject> ExportRows => Total is null ? Rows : [.. Rows, Total, .. Below];

    public static async Task<ReportView> BuildAsync(Caller caller, ReportTable table, ConsoleOptions options, IQueryCollection query, CancellationToken ct)
    {
        var names = (await NameBook.LoadAsync(caller.Data, ct)).With(await RefsAsync(caller, table.Rows, ct));
        var columns = ReportColumns.For(table, names, options.ZoneFor(caller.Tenant));
        var (rows, total, below) = ReportColumns.Split(table.Rows);
        var asked = ListQuery.Parse(query);
        var unknown = asked.Matches.Keys.FirstOrDefault(k => columns.All(c => c.Name != k)) ?? (asked.Sort is { } s && columns.All(c => c.Name != s) ? s : null);
        if (unknown is not null)
        {
            throw new BadListQueryException($"'{unknown}' is not a column of {table.Title}.");
        }

        // The report's own total row holds only while nothing is filtered out.
        var filtered = asked.Apply(rows, columns);
        var whole = filtered.Count == rows.Count;
        return new ReportView(table, columns, asked, rows, filtered, whole ? total : null, options.PageSize) { Below = whole ? below : [] };
    }

    /// <summary>
    /// Issue 17: the record references in a report's cells (the cost detail's documents, the allowance's account in its
    /// notes) read as their records, in one <see cref="RecordRefs.LoadAsync"/> for every row, so the search box and the
    /// choices find the words the page shows.
    /// </summary>
    public static Task<RecordRefs> RefsAsync(Caller caller, IEnumerable<JsonObject> rows, CancellationToken ct) =>
        RecordRefs.LoadAsync(caller.Data, rows.SelectMany(r => r.Where(p => p.Value is JsonValue).Select(p => ListQuery.Cell(r, p.Key))), ct);

    public string Render(string path, IReadOnlyDictionary<string, string?> keep, string pickers, string exports, string saved, Func<ListColumn, JsonObject, string?> cell)
    {
        var list = new ListTable(Columns, Query, PageSize, q => ListForm.Link(path, q, keep));
        return ListForm.Render(path, Query, Columns, AllRows, pickers, exports, saved) + list.Render(Rows, cell, Total, below: Below);
    }
}
