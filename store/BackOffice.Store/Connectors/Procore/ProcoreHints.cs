using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>What a Procore webhook delivery names: the resource, its id, its project and create/update/delete.</summary>
public sealed record ProcoreHint(string ResourceName, string? ResourceId, string? ProjectId, string EventType)
{
    /// <summary>
    /// Payload v2.0/v3.0 (resource_name, resource_id, project_id, event_type) and v4.0 (resource_type, reason), from
    /// procore/documentation webhooks.md (procore.md section 5). Only these names are read; the body's data is not trusted.
    /// </summary>
    public static ProcoreHint Parse(string payloadJson)
    {
        var e = JsonNode.Parse(payloadJson) as JsonObject ?? throw new JsonException("A Procore delivery that is not a JSON object.");
        var name = ProcoreJson.Of(e, "resource_name") ?? ProcoreJson.Of(e, "resource_type") ?? "";
        return new ProcoreHint(name, ProcoreJson.Of(e, "resource_id"), ProcoreJson.Of(e, "project_id"),
            ProcoreJson.Of(e, "event_type") ?? ProcoreJson.Of(e, "reason") ?? "update");
    }

    /// <summary>
    /// What to read again: one commitment, one project's lists, or nothing (a company-level resource the next sync reads).
    /// A delete of a commitment or a project is checked by reading it (a 404 closes our row); a delete of anything else in
    /// a project re-reads that project's lists, whose whole reading removes what Procore no longer lists (issue 14).
    /// </summary>
    public string? Target => (EventType.Equals("delete", StringComparison.OrdinalIgnoreCase), ResourceName.ToLowerInvariant()) switch
    {
        (true, "work order contracts" or "purchase order contracts" or "commitments") when ProjectId is not null && ResourceId is not null
            => $"deleted-commitment:{ProjectId}:{ResourceId}",
        (true, "projects") when ResourceId is not null => "deleted-project:" + ResourceId,
        _ => Refetch,
    };

    private string? Refetch => ResourceName.ToLowerInvariant() switch
    {
        "work order contracts" or "purchase order contracts" or "commitments" when ProjectId is not null && ResourceId is not null
            => $"commitment:{ProjectId}:{ResourceId}:{ResourceName.ToLowerInvariant()}",
        "projects" when ResourceId is not null => "project:" + ResourceId,
        _ when ProjectId is not null => "project:" + ProjectId,
        _ => null,
    };
}

/// <summary>
/// Webhook deliveries as hints (issue 14): each names a resource, and we fetch that resource from Procore ourselves
/// through the client (a commitment and its line items, or the project's lists), never storing the delivery's body.
/// </summary>
public sealed class ProcoreHints(ProcoreSync sync)
{
    public async Task<SyncCounts> RefetchAsync(TenantData tenant, string target, CancellationToken cancellationToken)
    {
        var parts = target.Split(':');
        switch (parts[0])
        {
            case "project":
                return await sync.RefetchProjectAsync(tenant, parts[1], cancellationToken);
            case "deleted-project":
                return await sync.DeletedProjectAsync(tenant, parts[1], cancellationToken);
            case "deleted-commitment":
                return await sync.DeletedCommitmentAsync(tenant, parts[1], parts[2], cancellationToken);
        }

        // "Commitments" does not say which kind: a subcontract is looked for first, then a purchase order (a 404 reads nothing).
        var kinds = parts[3] switch
        {
            "work order contracts" => new[] { "work_order_contracts" },
            "purchase order contracts" => ["purchase_order_contracts"],
            _ => ["work_order_contracts", "purchase_order_contracts"],
        };
        var counts = SyncCounts.Zero;
        foreach (var kind in kinds)
        {
            counts = counts.Plus(await sync.RefetchCommitmentAsync(tenant, kind, parts[1], parts[2], cancellationToken));
            if (counts.Read > 0)
            {
                break;
            }
        }

        return counts;
    }
}
