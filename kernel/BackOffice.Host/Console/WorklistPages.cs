using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Findings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

using BackOffice.Store.Records;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Worklists built generically on every registered <see cref="IReport"/> and on the findings (issue 9): a page per
/// report, a table of its rows, a row's JSON, and the source records figures point at. Agents merged later appear here
/// without a console change.
/// </summary>
public static class WorklistPages
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static RouteGroupBuilder MapWorklistPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/findings", (HttpContext http, string tenant) => ConsolePage.RunAsync(http, tenant, caller => FindingsAsync(caller, http.RequestAborted)));
        tenant.MapGet("/reports", (HttpContext http, string tenant, IEnumerable<IReport> reports) => ConsolePage.RunAsync(http, tenant, caller =>
            Task.FromResult(Page("Worklists", "<table><thead><tr><th>Report</th><th>What it lists</th></tr></thead><tbody>" + string.Concat(
                reports.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r =>
                    $"<tr><td><a href=\"{Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(r.Name)}\">{E(r.Name)}</a></td><td>{E(r.Description)}</td></tr>"))
                + "</tbody></table>", caller.User.Id, caller.Tenant))));
        tenant.MapGet("/reports/{name}", (HttpContext http, string tenant, string name, string? asOf, string? job, IEnumerable<IReport> reports, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var table = await ReportsApi.RunReportAsync(caller, reports, name, asOf, job, clock, http.RequestAborted);
                return Page(table.Title, Table(caller.Tenant, name, table), caller.User.Id, caller.Tenant);
            }));
        tenant.MapGet("/reports/{name}/{rowId}", (HttpContext http, string tenant, string name, string rowId, IEnumerable<IReport> reports, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var table = await ReportsApi.RunReportAsync(caller, reports, name, null, null, clock, http.RequestAborted);
                var row = table.Rows.FirstOrDefault(r => r["id"]?.ToString() == rowId) ?? throw new NotFoundException($"Report '{name}' has no row '{rowId}'.");
                return Page($"{name}: {rowId}", $"<pre>{E(row.ToJsonString(Indented))}</pre>", caller.User.Id, caller.Tenant);
            }));
        tenant.MapGet("/records/{table}/{id}", (HttpContext http, string tenant, string table, string id) => ConsolePage.RunAsync(http, tenant, async caller =>
        {
            var record = await SourceRecords.FindAsync(caller.Data, table, id, http.RequestAborted)
                         ?? throw new NotFoundException($"No {table} record '{id}'.");
            return Page($"{table} / {id}", $"<pre>{E(record.ToJsonString(Indented))}</pre>", caller.User.Id, caller.Tenant);
        }));
        return tenant;
    }

    public static string Table(string tenant, string report, ReportTable table)
    {
        var html = new StringBuilder("<table><thead><tr>");
        html.Append(string.Concat(table.Columns.Select(c => $"<th>{E(c)}</th>"))).Append("<th></th></tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>").Append(string.Concat(table.Columns.Select(c => Cell(row[c])))).Append(
                $"<td><a href=\"{Tenant(tenant)}/reports/{Uri.EscapeDataString(report)}/{Uri.EscapeDataString(row["id"]?.ToString() ?? "")}\">details</a></td></tr>");
        }

        return html.Append(table.Rows.Count == 0 ? $"<tr><td colspan=\"{table.Columns.Count + 1}\" class=\"muted\">No rows.</td></tr>" : "")
            .Append("</tbody></table>").ToString();
    }

    private static string Cell(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<decimal>(out _) => $"<td class=\"num\">{E(v.ToJsonString())}</td>",
        JsonValue v when v.TryGetValue<string>(out var s) => $"<td>{E(s)}</td>",
        null => "<td></td>",
        _ => $"<td>{E(value.ToJsonString())}</td>",
    };

    private static async Task<IResult> FindingsAsync(Caller caller, CancellationToken ct)
    {
        var findings = await FindingStore.ListOpenAsync(caller.Data, null, ct);
        var html = new StringBuilder("<table><thead><tr><th>Severity</th><th>Agent</th><th>Finding</th><th>Why</th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            html.Append($"<tr><td>{Badge(f.Severity, f.Severity)}</td><td>{E(f.Agent)}</td><td>{E(f.Title)}</td><td>{E(f.Narrative)}</td></tr>");
        }

        html.Append(findings.Count == 0 ? "<tr><td colspan=\"4\" class=\"muted\">No open findings.</td></tr>" : "").Append("</tbody></table>");
        return Page("Open findings", html.ToString(), caller.User.Id, caller.Tenant);
    }
}
