using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Findings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>
/// `/api/tenants/{tenant}/findings` and `/reports`: generic over every registered <see cref="IReport"/>, so a report an
/// agent adds later is served without a change here (issue 9).
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/findings", FindingsAsync).WithTags("Findings").WithSummary("Open findings, worst first");
        var reports = tenant.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", (IEnumerable<IReport> all) => TypedResults.Ok(new JsonArray(all.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => (JsonNode)new JsonObject { ["id"] = r.Name, ["description"] = r.Description }).ToArray())));
        reports.MapGet("/{name}", RunAsync).WithSummary("A report's rows (JSON objects, each with an id)");
        reports.MapGet("/{name}/{rowId}", RowAsync).WithSummary("One row of a report");
        return tenant;
    }

    /// <summary>Runs a report for the caller's tenant; shared with the console's worklists.</summary>
    /// <param name="since">Issue 17: a log report's start (<see cref="ReportSince"/>), as `report --since` gives it.</param>
    public static async Task<ReportTable> RunReportAsync(
        Caller caller, IEnumerable<IReport> reports, string name, string? asOf, string? job, DateTimeOffset? since, TimeProvider clock, CancellationToken ct)
    {
        // The last registration of a name wins, as in dependency injection generally.
        var report = reports.LastOrDefault(r => r.Name == name) ?? throw new NotFoundException($"There is no report '{name}'.");
        var date = string.IsNullOrEmpty(asOf)
            ? await ReportDates.DefaultAsOfAsync(caller.Data, name, ct)
            : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Issue 17: an unknown or ambiguous job is a 400 naming it and the candidates, not an empty report.
        job = string.IsNullOrWhiteSpace(job) ? null : job;
        var resolved = await BackOffice.Agents.Books.ReportJobs.ResolveAsync(caller.Data, job, ct);
        return await report.RunAsync(new ReportRequest(caller.Data, date, job) { ResolvedJob = resolved, Since = since }, ct);
    }

    private static async Task<Ok<JsonArray>> FindingsAsync(
        HttpContext http, string tenant, string? agent, CallerResolver callers, BackOffice.Kernel.Gate.GateOptions gate, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var findings = await FindingStore.ListOpenAsync(caller.Data, agent, ct);
        if (findings.Count == 0 && !string.IsNullOrEmpty(agent))
        {
            // Issue 17: an unknown agent is a 400 naming it; a known agent with nothing open is an empty list.
            KnownFilters.Ensure("agent", agent, gate.AgentDepartments.Keys.Concat((await FindingStore.ListOpenAsync(caller.Data, null, ct)).Select(f => f.Agent)));
        }

        // Issue 17: title and narrative in the console's words; the ids stay in id and the figures' sources.
        var refs = await ApprovalConsole.RecordRefs.LoadAsync(caller.Data, findings.SelectMany(f => new[] { f.Title, f.Narrative }), ct);
        return TypedResults.Ok(new JsonArray(findings.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id, ["agent"] = f.Agent, ["check"] = f.Check, ["severity"] = f.Severity, ["title"] = refs.Text(f.Title),
            ["figures"] = JsonNode.Parse(f.FiguresJson), ["narrative"] = refs.Text(f.Narrative), ["firstSeenAt"] = f.FirstSeenAt, ["lastSeenAt"] = f.LastSeenAt,
        }).ToArray()));
    }

    /// <param name="since">Issue 17: quickbooks-events from midnight of this date (yyyy-MM-dd) in the tenant's zone, as `report --since`.</param>
    private static async Task<Ok<JsonObject>> RunAsync(
        HttpContext http, string tenant, string name, string? asOf, string? job, string? since, CallerResolver callers, IEnumerable<IReport> reports, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var from = ReportSince.Parse(since, ApprovalConsole.TenantZone.For(http.RequestServices, caller.Tenant));
        var table = await RunReportAsync(caller, reports, name, asOf, job, from, clock, ct);
        return TypedResults.Ok(new JsonObject
        {
            ["title"] = table.Title,
            // Issue 13: API text keeps ISO 8601 times, with the tenant zone's offset.
            ["warning"] = await PartialSyncWarning.ForAsync(http.RequestServices, caller.Data,
                ApprovalConsole.TenantZone.Iso(ApprovalConsole.TenantZone.For(http.RequestServices, caller.Tenant)), ct),
            ["columns"] = new JsonArray(table.Columns.Select(c => (JsonNode)c).ToArray()),
            ["rows"] = new JsonArray(table.Rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        });
    }

    /// <param name="since">Issue 17: as the list takes it; a log report's row before it is not one of its rows (404).</param>
    private static async Task<Ok<JsonObject>> RowAsync(
        HttpContext http, string tenant, string name, string rowId, string? asOf, string? since, CallerResolver callers, IEnumerable<IReport> reports, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var from = ReportSince.Parse(since, ApprovalConsole.TenantZone.For(http.RequestServices, caller.Tenant));
        var table = await RunReportAsync(caller, reports, name, asOf, null, from, clock, ct);
        var row = table.Rows.FirstOrDefault(r => r["id"]?.ToString() == rowId) ?? throw new NotFoundException($"Report '{name}' has no row '{rowId}'.");
        return TypedResults.Ok((JsonObject)row.DeepClone());
    }
}
