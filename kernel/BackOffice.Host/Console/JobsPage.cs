using System.Text;
using BackOffice.Host.Api;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// WIP and margin per job (issue 9): the `wip` report (and a margin or profitability report, when an agent registers
/// one) as a table and a chart of each numeric column. Without such a report the page says so and draws nothing.
/// </summary>
public static class JobsPage
{
    public static readonly string[] ReportNames = ["wip", "margin", "job-profitability", "profitability"];

    public static RouteGroupBuilder MapJobsPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/jobs", (HttpContext http, string tenant, string? asOf, IEnumerable<IReport> reports, TimeProvider clock) =>
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
                    var table = await ReportsApi.RunReportAsync(caller, reports, name, asOf, null, clock, http.RequestAborted);
                    html.Append($"<h2>{E(table.Title)}</h2>").Append(Charts(table)).Append(WorklistPages.Table(caller.Tenant, name, table));
                }

                return Page("WIP and margin by job", html.ToString(), caller.User.Id, caller.Tenant);
            }));
        return tenant;
    }

    /// <summary>One chart per column whose values are all numbers (at most three), one bar per job.</summary>
    public static string Charts(ReportTable table)
    {
        var label = table.Columns.FirstOrDefault(c => table.Rows.All(r => SvgBarChart.Number(r[c]) is null)) ?? "id";
        var numeric = table.Columns.Where(c => table.Rows.Count > 0 && table.Rows.All(r => SvgBarChart.Number(r[c]) is not null)).Take(3);
        var html = new StringBuilder("<div class=\"card\">");
        foreach (var column in numeric)
        {
            var bars = table.Rows.Select(r => new SvgBarChart.Bar(r[label]?.ToString() ?? "", SvgBarChart.Number(r[column])!.Value, r[column]!.ToString())).ToList();
            html.Append(SvgBarChart.Render(column, bars));
        }

        return html.Append("</div>").ToString();
    }
}
