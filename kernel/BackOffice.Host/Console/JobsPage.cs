using System.Text;
using BackOffice.Host.Api;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// WIP and margin per job (issues 9 and 17): each job report's amount columns as charts on one shared scale, of the jobs
/// with the largest amounts (a 200-job tenant does not draw 200 bars), and the first page of the report with a link to
/// all of it. Without such a report the page says so and draws nothing.
/// </summary>
public static class JobsPage
{
    public static readonly string[] ReportNames = ["wip", "margin", "job-profitability", "profitability"];

    private const int ChartJobs = 15;

    public static RouteGroupBuilder MapJobsPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/jobs", (HttpContext http, string tenant, string? asOf, IEnumerable<IReport> reports, TimeProvider clock, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var available = ReportNames.Where(n => reports.Any(r => r.Name == n)).ToList();
                var html = new StringBuilder();
                if (available.Count == 0)
                {
                    html.Append("<p class=\"muted\">No WIP or margin report is registered yet: the chart appears when an agent adds a report named <code>wip</code>.</p>");
                }

                foreach (var name in available)
                {
                    var run = await ReportPages.RunAsync(caller, reports, name, asOf, null, clock, http.RequestAborted);
                    var view = await ReportView.BuildAsync(caller, run.Table, options.Value, new QueryCollection(), http.RequestAborted);
                    var path = $"{Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(name)}";
                    html.Append($"<h2>{E(ReportHeading.Of(run.Table.Title))}</h2>").Append(ReportHeading.Basis(run.Table.Title)).Append(Charts(view))
                        .Append(new ListTable(view.Columns, view.Query, Math.Min(view.PageSize, 10), q => ListForm.Link(path, q, new Dictionary<string, string?> { ["asOf"] = run.AsOf })).Render(view.Rows, reportTotal: view.Total))
                        .Append($"<p><a href=\"{E(path)}?asOf={run.AsOf}\">Open the whole {E(ReportHeading.Of(run.Table.Title))} ({view.Rows.Count} rows) to sort, filter and export</a></p>");
                }

                return Page("WIP and margin by job", html.ToString(), caller);
            }));
        return tenant;
    }

    /// <summary>
    /// One chart per amount column (at most three), drawn on one scale so bars compare across charts, each of the
    /// <see cref="ChartJobs"/> jobs with the largest amounts in it.
    /// </summary>
    public static string Charts(ReportView view)
    {
        var label = view.Columns.FirstOrDefault(c => c.Kind == AccountingText.Kind.Text);
        var money = view.Columns.Where(c => c.Kind == AccountingText.Kind.Money && view.Rows.Count > 0
                                            && view.Rows.All(r => ListQuery.Number(ListQuery.Cell(r, c.Name)) is not null)).Take(3).ToList();
        var charts = money.Select(c => (c, Bars: view.Rows
            .Select(r => new SvgBarChart.Bar(label is null ? ListQuery.Cell(r, "id") : label.Display(ListQuery.Cell(r, label.Name)),
                ListQuery.Number(ListQuery.Cell(r, c.Name))!.Value, c.Display(ListQuery.Cell(r, c.Name))))
            .OrderByDescending(b => Math.Abs(b.Value)).Take(ChartJobs).ToList())).ToList();
        var scale = charts.SelectMany(c => c.Bars).Select(b => Math.Abs(b.Value)).DefaultIfEmpty(0m).Max();
        var html = new StringBuilder("<div class=\"card charts\">");
        foreach (var (column, bars) in charts)
        {
            html.Append(SvgBarChart.Render(column.Title, bars, scale));
        }

        return html.Append("</div>").ToString();
    }
}
