using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a report that pages where its data is (<see cref="IPagedReport"/>: ledger-bills) is shown a page at a time
/// with a keyset cursor, and exported and opened row by row through the same query, instead of computing every row per
/// request and cutting the page in memory (a 200-job tenant's ledger-bills list took 1-4 s a click even cached).
/// </summary>
public static class PagedReports
{
    public sealed record Shown(string Title, string Body);

    /// <summary>The paged report of that name, looking through the report cache's wrapper; null for a computed report.</summary>
    public static IPagedReport? Of(IEnumerable<IReport> reports, string name)
    {
        var report = reports.LastOrDefault(r => r.Name == name);
        return (report is CachedReport cached ? cached.Inner : report) as IPagedReport;
    }

    /// <summary>One page, the filter bar and right below it the person's <paramref name="saved"/> filters.</summary>
    public static async Task<Shown> RenderAsync(Caller caller, IPagedReport report, string? asOf, string? job, bool pdf, ConsoleOptions options, IQueryCollection query, string saved, CancellationToken ct)
    {
        var request = await RequestAsync(caller, report.Name, asOf, job, ct);
        var asked = ListQuery.Parse(query);
        var page = await report.PageAsync(request, QueryOf(asked, options.PageSize), ct);
        var columns = await ColumnsAsync(caller, report, request, page, options, ct);
        var path = $"{Html.Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(report.Name)}";
        var date = request.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var keep = new Dictionary<string, string?> { ["asOf"] = date, ["job"] = job };
        var picker = await JobPicker.ChoicesAsync(caller.Data, job, ct);
        var form = ListForm.Render(path, asked, columns, c => page.Choices.GetValueOrDefault(c.Name) ?? [], ReportPages.Pickers(report.Name, date, picker.Selected, picker.Options),
            ReportPages.ExportLinks(caller.Tenant, report.Name, keep, asked, pdf), saved);
        var list = new ListTable(columns, asked, options.PageSize, q => ListForm.Link(path, q, keep));
        var table = list.RenderPage(page.Table.Rows, page.Count, page.Total, page.Next, report.Sortable,
            (c, row) => c == columns[0] ? ReportPages.RowLink(path, row, keep, c.Display(ListQuery.Cell(row, c.Name))) : null);
        return new Shown(page.Table.Title, form + table);
    }

    /// <summary>Every matching row, sorted as shown, with the total row last: what the CSV and Excel exports hold.</summary>
    public static async Task<(string Title, string AsOf, IReadOnlyList<ListColumn> Columns, IReadOnlyList<JsonObject> Rows)> AllAsync(
        Caller caller, IPagedReport report, string? asOf, string? job, ConsoleOptions options, IQueryCollection query, CancellationToken ct)
    {
        var request = await RequestAsync(caller, report.Name, asOf, job, ct);
        var page = await report.PageAsync(request, QueryOf(ListQuery.Parse(query) with { Cursor = null }, limit: null), ct);
        var columns = await ColumnsAsync(caller, report, request, page, options, ct);
        return (page.Table.Title, request.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), columns, [.. page.Table.Rows, page.Total]);
    }

    /// <summary>One row by its id, through the same query (the bill's own row, not every bill).</summary>
    public static async Task<(ReportTable Table, JsonObject Row)> RowAsync(Caller caller, IPagedReport report, string rowId, string? asOf, string? job, CancellationToken ct)
    {
        var request = await RequestAsync(caller, report.Name, asOf, job, ct);
        var page = await report.PageAsync(request, new ReportPageQuery(null, new Dictionary<string, string> { ["id"] = rowId }, null, null, null, null, null, false, 1, null), ct);
        return (page.Table, page.Table.Rows.FirstOrDefault() ?? throw new NotFoundException($"Report '{report.Name}' has no row '{rowId}'."));
    }

    private static ReportPageQuery QueryOf(ListQuery query, int? limit) =>
        new(query.Search, query.Matches, query.From, query.To, query.MinAmount, query.MaxAmount, query.Sort, query.Descending, limit, query.Cursor);

    private static async Task<ReportRequest> RequestAsync(Caller caller, string name, string? asOf, string? job, CancellationToken ct)
    {
        var date = string.IsNullOrEmpty(asOf) ? await ReportDates.DefaultAsOfAsync(caller.Data, name, ct)
            : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new BadListQueryException($"The as-of date '{asOf}' is not a date (yyyy-MM-dd).");
        return new ReportRequest(caller.Data, date, string.IsNullOrWhiteSpace(job) ? null : job);
    }

    /// <summary>
    /// The columns in accounting language, their kinds judged from the page's rows (and the total); an empty page, a
    /// filter nothing matches, judges them from the list's first row, so the date and amount filters stay on the form.
    /// </summary>
    private static async Task<IReadOnlyList<ListColumn>> ColumnsAsync(Caller caller, IPagedReport report, ReportRequest request, ReportPage page, ConsoleOptions options, CancellationToken ct)
    {
        var sample = page.Table.Rows.Count > 0 ? page.Table.Rows
            : (await report.PageAsync(request with { Job = null }, new ReportPageQuery(null, new Dictionary<string, string>(), null, null, null, null, null, false, 1, null), ct)).Table.Rows;
        var names = await NameBook.LoadAsync(caller.Data, ct);
        var columns = page.Table.Columns.Where(c => c != "id").ToList();
        return ReportColumns.For(columns, [.. sample, page.Total], names, options.ZoneFor(caller.Tenant));
    }
}
