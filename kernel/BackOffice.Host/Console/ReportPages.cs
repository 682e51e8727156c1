using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// A report as a worklist (issue 17): an as-of date (or week) and job picker, a filter bar, one sorted page of rows in
/// accounting language, totals, and each row's detail as a labelled form. Generic over every registered
/// <see cref="IReport"/>, so an agent's new report appears without a console change.
/// </summary>
public static class ReportPages
{
    /// <summary>Reports whose date is "the workweek containing"; they open on the latest week with timecards.</summary>

    public static RouteGroupBuilder MapReportPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/reports/{name}", (HttpContext http, string tenant, string name, string? asOf, string? job, string? since, IEnumerable<IReport> reports, IEnumerable<IReportDocument> documents, TimeProvider clock, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var saved = await SavedFilterPages.LoadAsync(http, caller, "reports/" + name);
                if (saved.Redirect is { } opening)
                {
                    return opening;
                }

                // Issue 13: figures from partly synced books say so above the table, paged or not.
                var partial = await PartialSyncNotice.HtmlAsync(http, caller.Data);
                if (PagedReports.Of(reports, name) is { } paged)
                {
                    var shown = await PagedReports.RenderAsync(caller, paged, asOf, job, PdfOf(documents, name) is not null, options.Value, http.Request.Query, saved.Html, http.RequestAborted);
                    return Page(ReportHeading.Of(shown.Title), partial + ReportHeading.Basis(shown.Title) + saved.Notice + shown.Body, caller);
                }

                var path = $"{Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(name)}";
                var oneJob = JobPicker.NeedsJob(reports, name);
                if (oneJob is not null && string.IsNullOrWhiteSpace(job))
                {
                    // Issue 17: a one-job report opened with no job asks for one in words, not with the CLI's "needs --job".
                    var date = string.IsNullOrEmpty(asOf) ? (await ReportDates.DefaultAsOfAsync(caller.Data, name, http.RequestAborted)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : asOf;
                    var choose = Pickers(name, date, null, (await JobPicker.ChoicesAsync(caller.Data, null, http.RequestAborted)).Options, needsJob: true);
                    return Page(oneJob.Heading, partial + JobPicker.ChoosePage(path, choose, oneJob), caller);
                }

                var run = await RunAsync(caller, reports, name, asOf, job, ReportSince.Parse(since, options.Value.ZoneFor(caller.Tenant)), clock, http.RequestAborted);
                var view = await ReportView.BuildAsync(caller, run.Table, options.Value, http.Request.Query, http.RequestAborted);
                var picker = await JobPicker.ChoicesAsync(caller.Data, job, http.RequestAborted);
                var keep = new Dictionary<string, string?> { ["asOf"] = run.AsOf, ["job"] = job, ["since"] = string.IsNullOrEmpty(since) ? null : since };
                var body = view.Render(path, keep, Pickers(name, run.AsOf, picker.Selected, picker.Options, since, oneJob is not null), ExportLinks(caller.Tenant, name, keep, view.Query, PdfOf(documents, name) is not null), saved.Html,
                    (c, row) => c == view.Columns[0] ? RowLink(path, row, keep, c.Display(ListQuery.Cell(row, c.Name)))
                        : RecordForm.DocumentLink(caller.Tenant, ListQuery.Cell(row, c.Name), c.Display(ListQuery.Cell(row, c.Name))));
                return Page(ReportHeading.Of(run.Table.Title), partial + ReportHeading.Basis(run.Table.Title) + saved.Notice + body, caller);
            }));
        tenant.MapGet("/reports/{name}/{rowId}", (HttpContext http, string tenant, string name, string rowId, string? asOf, string? job, string? since, IEnumerable<IReport> reports, TimeProvider clock, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, caller => RowAsync(http, caller, new(name, rowId, asOf, job, since), reports, clock, options.Value)));
        tenant.MapGet("/exports/{file}", (HttpContext http, string tenant, string file, string? asOf, string? job, string? since, IEnumerable<IReport> reports, IEnumerable<IReportDocument> documents, TimeProvider clock, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                // Issue 17: every matching row, sorted as the list was, not only the page on screen; the report's total row last.
                var format = Path.GetExtension(file).TrimStart('.');
                var name = Path.GetFileNameWithoutExtension(file);
                if (format == "pdf")
                {
                    return await PdfAsync(caller, documents, name, asOf, job, http.RequestAborted);
                }

                if (PagedReports.Of(reports, name) is { } paged)
                {
                    var all = await PagedReports.AllAsync(caller, paged, asOf, job, options.Value, http.Request.Query, http.RequestAborted);
                    return Results.File(Exports.ExportTable.From(all.Title, all.Columns, all.Rows).Write(format), Exports.ExportTable.ContentType(format),
                        $"{name}-{all.AsOf}.{format}");
                }

                var run = await RunAsync(caller, reports, name, asOf, job, ReportSince.Parse(since, options.Value.ZoneFor(caller.Tenant)), clock, http.RequestAborted);
                var view = await ReportView.BuildAsync(caller, run.Table, options.Value, http.Request.Query, http.RequestAborted);
                var bytes = Exports.ExportTable.From(run.Table.Title, view.Columns, view.ExportRows).Write(format);
                return Results.File(bytes, Exports.ExportTable.ContentType(format), $"{name}-{run.AsOf}.{format}");
            }));
        return tenant;
    }

    public sealed record ReportRun(ReportTable Table, string AsOf);

    /// <summary>A link's query with no filter, sort or page: only the report's own parameters are kept.</summary>
    private static readonly ListQuery NoFilter = new ListQuery(null, null, false, 1, new Dictionary<string, string>(), null, null, null, null);

    /// <summary>One row of a report as the list link asked for it: the report's date, job and (a log report's) since.</summary>
    private sealed record RowAsked(string Name, string RowId, string? AsOf, string? Job, string? Since);

    /// <summary>
    /// A report row as a labelled form. Issue 17: on the list's since too (a log report's row before it is not one of
    /// its rows, as in the list), and "Back" returns to the list on the same date, job and since.
    /// </summary>
    private static async Task<IResult> RowAsync(HttpContext http, Caller caller, RowAsked asked, IEnumerable<IReport> reports, TimeProvider clock, ConsoleOptions options)
    {
        var (name, rowId) = (asked.Name, asked.RowId);
        var since = ReportSince.Parse(asked.Since, options.ZoneFor(caller.Tenant));
        // Issue 17: a paged report reads the one row asked for, not every row.
        var run = PagedReports.Of(reports, name) is { } paged
            ? new ReportRun((await PagedReports.RowAsync(caller, paged, rowId, asked.AsOf, asked.Job, http.RequestAborted)).Table, asked.AsOf ?? "")
            : await RunAsync(caller, reports, name, asked.AsOf, asked.Job, since, clock, http.RequestAborted);
        var row = run.Table.Rows.FirstOrDefault(r => ListQuery.Cell(r, "id") == rowId) ?? throw new NotFoundException($"Report '{name}' has no row '{rowId}'.");
        var names = (await NameBook.LoadAsync(caller.Data, http.RequestAborted)).With(await ReportView.RefsAsync(caller, [row], http.RequestAborted));
        var columns = ReportColumns.For([.. row.Select(p => p.Key)], run.Table.Rows, names, options.ZoneFor(caller.Tenant));
        var keep = new Dictionary<string, string?> { ["asOf"] = run.AsOf, ["job"] = asked.Job, ["since"] = since is null ? null : asked.Since };
        var list = ListForm.Link($"{Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(name)}", NoFilter, keep);
        var back = $"<p><a href=\"{E(list)}\">Back to {E(ReportHeading.Of(run.Table.Title))}</a></p>";
        // Issue 17: a job's figures open the transactions behind them, ledger and project side.
        var behind = name switch
        {
            "wip" or "margin" => $"<p><a href=\"{Tenant(caller.Tenant)}/reports/cost-detail?asOf={run.AsOf}&amp;job={Uri.EscapeDataString(rowId)}\">Transactions behind this job's cost</a></p>",
            "aging" when rowId != "total" => $"<p><a href=\"{Tenant(caller.Tenant)}/reports/aging-detail?asOf={run.AsOf}&amp;job={Uri.EscapeDataString(rowId)}\">Invoices and payments behind this aging</a></p>",
            _ => "",
        };
        return Page($"{ReportHeading.Of(run.Table.Title)}: {names.Name(rowId)}", back + behind + RecordForm.Render(columns, row, caller.Tenant), caller);
    }

    /// <summary>Runs a report on the date asked, or, for a week report asked for no date, on the latest week with timecards.</summary>
    public static Task<ReportRun> RunAsync(Caller caller, IEnumerable<IReport> reports, string name, string? asOf, string? job, TimeProvider clock, CancellationToken ct) =>
        RunAsync(caller, reports, name, asOf, job, null, clock, ct);

    /// <param name="since">Issue 17: a log report's start (<see cref="ReportSince"/>), null for none.</param>
    public static async Task<ReportRun> RunAsync(Caller caller, IEnumerable<IReport> reports, string name, string? asOf, string? job, DateTimeOffset? since, TimeProvider clock, CancellationToken ct)
    {
        var date = string.IsNullOrEmpty(asOf)
            ? (await ReportDates.DefaultAsOfAsync(caller.Data, name, ct)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : asOf;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new BadListQueryException($"The as-of date '{date}' is not a date (yyyy-MM-dd).");
        }

        var table = await ReportsApi.RunReportAsync(caller, reports, name, date, string.IsNullOrEmpty(job) ? null : job, since, clock, ct);
        return new ReportRun(table, date);
    }

    /// <param name="job">The option to show selected (<see cref="JobPicker.ChoicesAsync"/>).</param>
    /// <param name="needsJob">Issue 17: a one-job report offers no "All jobs"; its picker asks for a job.</param>
    internal static string Pickers(string report, string asOf, string? job, IReadOnlyList<(string Value, string Label)> jobs, string? since = null, bool needsJob = false)
    {
        var dateLabel = ReportDates.WeekReports.Contains(report) ? "Week containing" : "As of";
        var html = new StringBuilder($"<label>{dateLabel} <input type=\"date\" name=\"asOf\" value=\"{E(asOf)}\" required></label>");
        // Issue 17: a log report lists from midnight of this day in the tenant's zone, as `report --since` does.
        html.Append(ReportSince.Reports.Contains(report) ? $"<label>Since <input type=\"date\" name=\"since\" value=\"{E(since)}\"></label>" : "");
        html.Append(needsJob ? "<label>Job <select name=\"job\" required><option value=\"\">Choose a job</option>" : "<label>Job <select name=\"job\"><option value=\"\">All jobs</option>");
        foreach (var (value, label) in jobs)
        {
            html.Append($"<option value=\"{E(value)}\"{(value == job ? " selected" : "")}>{E(label)}</option>");
        }

        return html.Append("</select></label>").ToString();
    }

    /// <summary>The report's PDF document (the WIP schedule of wip-period, the G702/G703 packet), if it has one.</summary>
    private static IReportDocument? PdfOf(IEnumerable<IReportDocument> documents, string name) =>
        documents.LastOrDefault(d => d.Name == name && d.Formats.Contains("pdf", StringComparer.OrdinalIgnoreCase));

    /// <summary>Issue 17: the PDF the CLI writes with `report NAME --format pdf`, on the date and job the page shows.</summary>
    private static async Task<IResult> PdfAsync(Caller caller, IEnumerable<IReportDocument> documents, string name, string? asOf, string? job, CancellationToken ct)
    {
        var document = PdfOf(documents, name) ?? throw new NotFoundException($"The report '{name}' has no PDF.");
        var date = string.IsNullOrEmpty(asOf) ? await ReportDates.DefaultAsOfAsync(caller.Data, name, ct)
            : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new BadListQueryException($"The as-of date '{asOf}' is not a date (yyyy-MM-dd).");
        var resolved = await KnownJobs.EnsureAsync(caller.Data, job, ct);
        var bytes = await document.RenderAsync(new ReportRequest(caller.Data, date, string.IsNullOrEmpty(job) ? null : job) { ResolvedJob = resolved }, "pdf", ct);
        return Results.File(bytes, "application/pdf", $"{name}-{date:yyyy-MM-dd}.pdf");
    }

    internal static string ExportLinks(string tenant, string report, IReadOnlyDictionary<string, string?> keep, ListQuery query, bool pdf) =>
        $"<span class=\"exports\">Export <a href=\"{E(ListForm.Link($"{Tenant(tenant)}/exports/{Uri.EscapeDataString(report)}.csv", query.With(page: 1), keep))}\" download>CSV</a>"
        + $" <a href=\"{E(ListForm.Link($"{Tenant(tenant)}/exports/{Uri.EscapeDataString(report)}.xlsx", query.With(page: 1), keep))}\" download>Excel</a>"
        + (pdf ? $" <a href=\"{E(ListForm.Link($"{Tenant(tenant)}/exports/{Uri.EscapeDataString(report)}.pdf", query.With(page: 1), keep))}\" download>PDF</a>" : "") + "</span>";

    internal static string RowLink(string path, JsonObject row, IReadOnlyDictionary<string, string?> keep, string text)
    {
        var id = ListQuery.Cell(row, "id");
        return id.Length == 0 ? E(text) : $"<a href=\"{E(ListForm.Link($"{path}/{Uri.EscapeDataString(id)}", NoFilter, keep))}\">{E(text.Length == 0 ? "(details)" : text)}</a>";
    }
}
