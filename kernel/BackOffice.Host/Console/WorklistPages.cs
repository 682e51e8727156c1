using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Findings;
using BackOffice.Store.Records;
using BackOffice.Store.Worklists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The list of worklists, the open findings, and the source records figures point at (issues 9 and 17). Each report's
/// own page is <see cref="ReportPages"/>.
/// </summary>
public static class WorklistPages
{
    public static RouteGroupBuilder MapWorklistPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/findings", (HttpContext http, string tenant, IOptions<ConsoleOptions> options, BackOffice.Kernel.Gate.GateOptions gate) =>
            ConsolePage.RunAsync(http, tenant, caller => FindingsAsync(http, caller, options.Value, gate)));
        tenant.MapGet("/reports", (HttpContext http, string tenant, IEnumerable<IReport> reports) => ConsolePage.RunAsync(http, tenant, caller =>
            Task.FromResult(Page("Worklists", "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">What it lists</th></tr></thead><tbody>" + string.Concat(
                reports.DistinctBy(r => r.Name).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r =>
                    $"<tr><td><a href=\"{Tenant(caller.Tenant)}/reports/{Uri.EscapeDataString(r.Name)}\">{E(AccountingText.Title(r.Name))}</a></td><td>{E(r.Description)}</td></tr>"))
                + "</tbody></table></div>", caller))));
        tenant.MapReportPages();
        tenant.MapGet("/records/{table}/{id}", (HttpContext http, string tenant, string table, string id, IOptions<ConsoleOptions> options) => ConsolePage.RunAsync(http, tenant, async caller =>
        {
            var record = await SourceRecords.FindAsync(caller.Data, table, id, http.RequestAborted)
                         ?? throw new NotFoundException($"No {table} record '{id}'.");
            var names = await NameBook.LoadAsync(caller.Data, http.RequestAborted);
            return Page($"{RecordTitle(table)} {ProposalParts.RecordName(names, id, record)}", RecordForm.RenderSource(record, names, options.Value.ZoneFor(caller.Tenant)), caller);
        }));
        return tenant;
    }

    /// <summary>"ledger_bills" as "Ledger bill", "project_sub_invoices" as "Project sub invoice".</summary>
    public static string RecordTitle(string table)
    {
        var words = AccountingText.Title(table);
        return words.EndsWith("ies", StringComparison.Ordinal) ? words[..^3] + "y" : words.EndsWith('s') ? words[..^1] : words;
    }

    private static async Task<IResult> FindingsAsync(HttpContext http, Caller caller, ConsoleOptions options, BackOffice.Kernel.Gate.GateOptions gate)
    {
        var ct = http.RequestAborted;
        var saved = await SavedFilterPages.LoadAsync(http, caller, "findings");
        if (saved.Redirect is { } opening)
        {
            return opening;
        }

        // Issue 17: one page read in SQL (FindingStore.OpenList), not every open finding per request.
        var query = ListQuery.Parse(http.Request.Query);
        var agents = await FindingStore.OpenChoicesAsync(caller.Data, "agent", ct);
        var severities = await FindingStore.OpenChoicesAsync(caller.Data, "severity", ct);
        // Issue 17: an unknown agent or severity is an error naming it, not an empty list.
        InboxPages.EnsureKnown(query, "agent", [.. gate.AgentDepartments.Keys, .. agents]);
        InboxPages.EnsureKnown(query, "severity", [.. Enum.GetNames<BackOffice.Kernel.Abstractions.Proposals.Severity>(), .. severities]);
        var page = await FindingStore.PageOpenAsync(caller.Data, SqlListPage.QueryOf(http, query, options.PageSize), ct);
        var refs = await RecordRefs.LoadAsync(caller.Data, page.Rows.SelectMany(f => new[] { f.Title, f.Narrative }), ct);
        var rows = page.Rows.Select(f => new JsonObject
        {
            ["id"] = f.Id, ["severity"] = f.Severity, ["agent"] = f.Agent, ["title"] = refs.Text(f.Title), ["narrative"] = refs.Text(f.Narrative), ["lastSeenAt"] = f.LastSeenAt,
        }).ToList();
        var columns = ReportColumns.For(["severity", "agent", "title", "narrative", "lastSeenAt"], rows, await NameBook.LoadAsync(caller.Data, ct), options.ZoneFor(caller.Tenant));
        var path = $"{Tenant(caller.Tenant)}/findings";
        if (ListExport.FileIfAsked(http, "findings", "Open findings", columns, rows) is { } file)
        {
            return file;
        }

        var list = new ListTable(columns, query, options.PageSize, q => ListForm.Link(path, q, new Dictionary<string, string?>()));
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["agent"] = agents, ["severity"] = severities };
        var body = saved.Notice + ListForm.Render(path, query, columns, c => choices.GetValueOrDefault(c.Name) ?? [], exports: ListExport.Links(path, query), saved: saved.Html)
            + SqlListPage.Render(list, rows, page, FindingStore.OpenList, (c, row) => c.Name == "severity" ? Badge(ListQuery.Cell(row, c.Name), ListQuery.Cell(row, c.Name)) : null);
        return Page("Open findings", body, caller);
    }
}
