using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Host.Cli;
using BackOffice.Store.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>`/api/tenants/{tenant}/proposals`: list, show, approve, reject, edit, execute, undo, all through the gate (issue 9).</summary>
public static class ProposalsApi
{
    public sealed record RejectRequest(string Reason);

    public sealed record EditRequest(JsonObject Changes);

    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder tenant)
    {
        var group = tenant.MapGroup("/proposals").WithTags("Proposals");
        group.MapGet("/", ListAsync).WithSummary("Proposals, worst first, a page at a time (limit, cursor); filter by state, agent, risk");
        group.MapGet("/{id:long}", ShowAsync).WithSummary("One proposal: figures with sources, narrative, who must approve, history");
        group.MapPost("/{id:long}/approve", (HttpContext h, string tenant, long id, CallerResolver c, ProposalActions a, CancellationToken ct) =>
            VerbAsync(h, tenant, id, "approve", null, null, c, a, ct));
        group.MapPost("/{id:long}/reject", (HttpContext h, string tenant, long id, RejectRequest body, CallerResolver c, ProposalActions a, CancellationToken ct) =>
            VerbAsync(h, tenant, id, "reject", body.Reason, null, c, a, ct));
        group.MapPost("/{id:long}/edit", (HttpContext h, string tenant, long id, EditRequest body, CallerResolver c, ProposalActions a, CancellationToken ct) =>
            VerbAsync(h, tenant, id, "edit", null, body.Changes, c, a, ct));
        group.MapPost("/{id:long}/execute", (HttpContext h, string tenant, long id, CallerResolver c, ProposalActions a, CancellationToken ct) =>
            VerbAsync(h, tenant, id, "execute", null, null, c, a, ct));
        group.MapPost("/{id:long}/undo", (HttpContext h, string tenant, long id, CallerResolver c, ProposalActions a, CancellationToken ct) =>
            VerbAsync(h, tenant, id, "undo", null, null, c, a, ct));
        return tenant;
    }

    /// <summary>Rows per page when the caller names no limit, and the most a caller may ask for (issue 18).</summary>
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    /// <summary>
    /// One page of the inbox (issue 18): `limit` (1-200, default 50) rows in the inbox order, the `total` that match the
    /// filters, and `next`, the cursor of the following page (absent on the last). Unpaged, 6,000 proposals were 1.5 MB.
    /// </summary>
    private static async Task<Ok<JsonObject>> ListAsync(
        HttpContext http, string tenant, string? state, string? agent, string? risk, int? limit, string? cursor, CallerResolver callers,
        ProposalActions actions, CancellationToken ct)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), size, $"limit: {size} is not between 1 and {MaxLimit}.");
        }

        var after = cursor is null ? null : ProposalCursor.Parse(cursor);
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var page = await actions.PageAsync(caller, new ProposalPageQuery(state, agent, risk, size, after), ct);
        return TypedResults.Ok(new JsonObject
        {
            // Issue 17: titles in the console's words; the ids stay in id and targetId.
            ["items"] = new JsonArray((await ProposalView.InWordsAsync([.. page.Rows.Select(ProposalView.Summary)], caller.Data, ct)).Select(v => (JsonNode)v).ToArray()),
            ["total"] = page.Total,
            ["limit"] = size,
            ["next"] = page.Next?.ToString(),
        });
    }

    private static async Task<Ok<JsonObject>> ShowAsync(
        HttpContext http, string tenant, long id, CallerResolver callers, ProposalActions actions, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        return TypedResults.Ok(await actions.DetailAsync(caller, id, ct));
    }

    private static async Task<Ok<JsonObject>> VerbAsync(
        HttpContext http, string tenant, long id, string verb, string? reason, JsonObject? changes, CallerResolver callers, ProposalActions actions,
        CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var (row, replayed) = await actions.RunAsync(caller, id, verb, reason, changes, ct);
        var view = (await ProposalView.InWordsAsync([ProposalView.Summary(row)], caller.Data, ct))[0];
        view["replayed"] = replayed;
        view["error"] = row.Error;
        return TypedResults.Ok(view);
    }
}
