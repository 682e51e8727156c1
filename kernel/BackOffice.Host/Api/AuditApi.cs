using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>`/api/tenants/{tenant}/audit`: the tenant's hash chain, filterable, and its verification against the anchor.</summary>
public static class AuditApi
{
    public sealed record AuditFilter(string? Kind, string? Subject, string? Actor, int Limit = 200);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/audit").WithTags("Audit");
        group.MapGet("/", ListAsync).WithSummary("Audit events, most recent last; filter by kind, subject, actor");
        group.MapPost("/verify", VerifyAsync).WithSummary("Check that no event was edited, removed or reordered");
        return tenant;
    }

    public static async Task<IReadOnlyList<AuditEvent>> ReadAsync(Caller caller, AuditFilter filter, CancellationToken ct)
    {
        await using var unit = await caller.Data.ReadAsync(ct);
        var events = await AuditStore.ReadAllAsync(unit, ct);
        return events.Where(e => (filter.Kind is null || e.Kind.StartsWith(filter.Kind, StringComparison.Ordinal))
                                 && (filter.Subject is null || e.Subject == filter.Subject)
                                 && (filter.Actor is null || e.Actor == filter.Actor))
            .TakeLast(Math.Clamp(filter.Limit, 1, 5000)).ToList();
    }

    public static async Task<JsonObject> VerifyChainAsync(Caller caller, AuditChains chains, CancellationToken ct)
    {
        var report = await chains.VerifyTenantAsync(caller.Tenant, ct);
        return new JsonObject
        {
            ["id"] = report.Id,
            ["events"] = report.Events,
            ["intact"] = report.Intact,
            ["keyedFrom"] = report.KeyedFrom,
            ["firstBadEvent"] = report.Break?.Seq,
            ["reason"] = report.Break?.Reason,
        };
    }

    public static JsonObject ToJson(AuditEvent e) => new()
    {
        ["id"] = e.Seq, ["at"] = e.At, ["actor"] = e.Actor, ["kind"] = e.Kind, ["subject"] = e.Subject, ["data"] = JsonNode.Parse(e.DataJson),
    };

    private static async Task<Ok<JsonArray>> ListAsync(
        HttpContext http, string tenant, string? kind, string? subject, string? actor, int? limit, CallerResolver callers, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var events = await ReadAsync(caller, new AuditFilter(kind, subject, actor, limit ?? 200), ct);
        return TypedResults.Ok(new JsonArray(events.Select(e => (JsonNode)ToJson(e)).ToArray()));
    }

    private static async Task<Ok<JsonObject>> VerifyAsync(HttpContext http, string tenant, CallerResolver callers, AuditChains chains, CancellationToken ct) =>
        TypedResults.Ok(await VerifyChainAsync(await callers.ForTenantAsync(http, tenant, ct), chains, ct));
}
