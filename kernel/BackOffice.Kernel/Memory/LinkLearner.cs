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
    /// <param name="decided">map.link proposals executed or undone since the last learning (issue 12): only the names they
    /// touch are decided again, over every proposal for those names, so "latest wins" and "forgotten" keep their meaning.</param>
    public static async Task<int> LearnAsync(TenantData tenant, ITenantMemory memory, IReadOnlySet<long> decided, CancellationToken cancellationToken)
    {
        if (decided.Count == 0)
        {
            return 0;
        }

        var latest = await LatestOfTouchedNamesAsync(tenant, decided, cancellationToken);
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

    /// <summary>Per name touched by a decided proposal, the proposal that now decides it: the latest executed one, else the
    /// latest undone one.</summary>
    private static async Task<Dictionary<string, (ProposalRow Row, string LedgerId, string Name)>> LatestOfTouchedNamesAsync(
        TenantData tenant, IReadOnlySet<long> decided, CancellationToken cancellationToken)
    {
        var rows = (await ListAsync(tenant, cancellationToken))
            .Where(r => r.ActionKind == LinkRecordsPayload.Kind && r.State is ProposalStates.Executed or ProposalStates.Reverted)
            .OrderBy(r => r.Id)
            .ToList();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var latest = new Dictionary<string, (ProposalRow Row, string LedgerId, string Name)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (await KeyAsync(tenant, row, cancellationToken) is not { } link)
            {
                continue;
            }

            if (decided.Contains(row.Id))
            {
                touched.Add(link.Key);
            }

            if (row.State == ProposalStates.Executed || !latest.TryGetValue(link.Key, out var kept) || kept.Row.State != ProposalStates.Executed)
            {
                latest[link.Key] = (row, link.LedgerId, link.Name);
            }
        }

        foreach (var key in latest.Keys.Where(k => !touched.Contains(k)).ToList())
        {
            latest.Remove(key);
        }

        return latest;
    }

    /// <summary>The memory key of a link proposal (by the project record's name), or null when it names no record any more.</summary>
    private static async Task<(string Key, string LedgerId, string Name)?> KeyAsync(TenantData tenant, ProposalRow row, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
        var (kind, projectId, ledgerId) = ((string?)payload["kind"], (string?)payload["project_id"], (string?)payload["ledger_id"]);
        if (kind is not ("vendor" or "job") || projectId is null || ledgerId is null
            || await ProjectNameAsync(tenant, kind, projectId, cancellationToken) is not { } name)
        {
            return null;
        }

        return (MemoryKinds.LinkKey(kind, NameNormalizer.Normalize(name)), ledgerId, name);
    }

    private static async Task<IReadOnlyList<ProposalRow>> ListAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await ProposalStore.ListAsync(unit, new ProposalFilter(), cancellationToken);
    }

    private static async Task<string?> ProjectNameAsync(TenantData tenant, string kind, string projectId, CancellationToken cancellationToken) =>
        kind == "vendor" ? await tenant.Project.VendorNameAsync(projectId, cancellationToken) : await tenant.Project.JobNameAsync(projectId, cancellationToken);
}
