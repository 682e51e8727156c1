using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Matching;

namespace BackOffice.Kernel.Memory;

/// <summary>
/// Learns links people confirmed through <see cref="LinkRecordsPayload"/> proposals (issue 4). financial_links already keeps the link for the
/// same project id, so memory keys it by the project record's normalized name: the next record with that name (a
/// re-keyed export, the same vendor in a second project system) is linked without asking again. Per name, the latest
/// executed proposal wins; if every proposal for a name was undone (reverted), the item is kept with an empty value, which means
/// "forgotten" (the memory interface has no delete, and the empty value also overwrites the copy in Qdrant).
/// </summary>
internal static class LinkLearner
{
    public static async Task<int> LearnAsync(TenantData tenant, ITenantMemory memory, CancellationToken cancellationToken)
    {
        var rows = (await ListAsync(tenant, cancellationToken))
            .Where(r => r.ActionKind == LinkRecordsPayload.Kind && r.State is ProposalStates.Executed or ProposalStates.Reverted)
            .OrderBy(r => r.Id)
            .ToList();
        var latest = new Dictionary<string, (ProposalRow Row, string LedgerId, string Name)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
            var (kind, projectId, ledgerId) = ((string?)payload["kind"], (string?)payload["project_id"], (string?)payload["ledger_id"]);
            if (kind is not ("vendor" or "job") || projectId is null || ledgerId is null
                || await ProjectNameAsync(tenant, kind, projectId, cancellationToken) is not { } name)
            {
                continue;
            }

            var key = MemoryKinds.LinkKey(kind, NameNormalizer.Normalize(name));
            if (row.State == ProposalStates.Executed || !latest.TryGetValue(key, out var kept) || kept.Row.State != ProposalStates.Executed)
            {
                latest[key] = (row, ledgerId, name);
            }
        }

        foreach (var (key, (row, ledgerId, name)) in latest)
        {
            var kind = key[..key.IndexOf('|', StringComparison.Ordinal)];
            var executed = row.State == ProposalStates.Executed;
            await memory.RememberAsync(new MemoryItem(MemoryKinds.Link, key,
                executed ? $"{row.DecidedBy} confirmed that project {kind} '{name}' is ledger {kind} {ledgerId} (proposal {row.Id})"
                         : $"The link of project {kind} '{name}' to ledger {kind} {ledgerId} was undone (proposal {row.Id})",
                executed ? ledgerId : "", $"proposal:{row.Id}",
                DateTimeOffset.Parse(row.DecidedAt ?? row.ProposedAt, CultureInfo.InvariantCulture)), cancellationToken);
        }

        return latest.Count;
    }

    private static async Task<IReadOnlyList<ProposalRow>> ListAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await ProposalStore.ListAsync(unit, new ProposalFilter(), cancellationToken);
    }

    private static async Task<string?> ProjectNameAsync(TenantData tenant, string kind, string projectId, CancellationToken cancellationToken) =>
        kind == "vendor" ? await tenant.Project.VendorNameAsync(projectId, cancellationToken) : await tenant.Project.JobNameAsync(projectId, cancellationToken);
}
