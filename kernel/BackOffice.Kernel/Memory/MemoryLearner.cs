using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Gate;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Store.Audit;
using BackOffice.Store.Memory;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Memory;

/// <summary>
/// Learns from what people decided (issue 4, DESIGN.md section 5), at the start of each sweep:
/// <list type="bullet">
/// <item>GL choices: a finance lead edited the lines of a drafted bill so that a cost code went to another account,
/// and the bill was executed. Next time the same vendor and cost code map there. Only executed proposals teach: an
/// edit that was later rejected or is still waiting is not yet a decision, and learning from an approved but
/// unexecuted bill would make the next sweep draft a second, different bill for the same invoice.</item>
/// <item>Links: which ledger record a project vendor or job is, confirmed by executing a map.link proposal (<see cref="LinkLearner"/>).</item>
/// <item>Resolutions: how each finding's proposal ended (executed or rejected, by whom, why), searchable by similarity.</item>
/// </list>
/// Issue 12: learning is incremental. Only decision events after the store's watermark are read (an execution looks back at
/// its proposal's edits, which precede it), so a sweep with no new decisions embeds nothing. Within one batch the latest
/// edit wins, as before; across batches a later-executed edit wins.
/// </summary>
public static class MemoryLearner
{
    /// <returns>How many items were remembered.</returns>
    public static async Task<int> LearnAsync(TenantData tenant, OpenedMemory opened, CancellationToken cancellationToken)
    {
        var since = await tenant.MemoryLearning.LearnedThroughAsync(opened.StoreKey, cancellationToken);
        var (items, links, through) = await ReadDecisionsAsync(tenant, since, cancellationToken);
        if (through == since)
        {
            return 0;
        }

        var offSpaceBefore = opened.Embeddings.OffSpace;
        foreach (var item in items.OrderBy(i => i.Seq).Select(i => i.Item))
        {
            await opened.Memory.RememberAsync(item, cancellationToken);
        }

        var learned = items.Count + await LinkLearner.LearnAsync(tenant, opened.Memory, links, cancellationToken);
        if (opened.Embeddings.OffSpace == offSpaceBefore)
        {
            await tenant.MemoryLearning.AdvanceAsync(opened.StoreKey, through, cancellationToken);
        }

        return learned;
    }

    /// <summary>What the decisions after <paramref name="since"/> teach: items ordered by the event that taught them, the
    /// map.link proposals whose names need re-deciding, and the last decision event read.</summary>
    private static async Task<(List<(long Seq, MemoryItem Item)> Items, HashSet<long> Links, long Through)> ReadDecisionsAsync(
        TenantData tenant, long since, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var items = new List<(long Seq, MemoryItem Item)>();
        var links = new HashSet<long>();
        var through = since;
        foreach (var decision in await MemoryLearningStore.DecisionsAfterAsync(unit, since, cancellationToken))
        {
            through = decision.Seq;
            if (!long.TryParse(decision.Subject.Replace("proposal:", "", StringComparison.Ordinal), out var id)
                || await ProposalStore.GetAsync(unit, id, cancellationToken) is not { } row)
            {
                continue;
            }

            if (row.ActionKind == LinkRecordsPayload.Kind)
            {
                links.Add(row.Id);
            }

            if (decision.Kind == "proposal.executed" && row.ActionKind == CreateBillPayload.Kind && row.State == ProposalStates.Executed)
            {
                items.AddRange(await GlChoicesAsync(unit, row, cancellationToken));
            }

            if (decision.Kind != "proposal.undone" && Resolution(row) is { } resolution)
            {
                items.Add((decision.Seq, resolution));
            }
        }

        return (items, links, through);
    }

    private static MemoryItem? Resolution(ProposalRow row)
    {
        if (row.FindingKey is null || row.State is not (ProposalStates.Executed or ProposalStates.Rejected))
        {
            return null;
        }

        var why = row.DecisionReason is null ? "" : $" ({row.DecisionReason})";
        return new MemoryItem(MemoryKinds.Resolution, row.FindingKey, $"{row.Title}: {row.State} by {row.DecidedBy}{why}",
            row.State, $"proposal:{row.Id}", DateTimeOffset.Parse(row.DecidedAt ?? row.ProposedAt, CultureInfo.InvariantCulture));
    }

    /// <summary>The GL choices of an executed bill's edits, each ordered by its edit event.</summary>
    private static async Task<IEnumerable<(long Seq, MemoryItem Item)>> GlChoicesAsync(DataUnit unit, ProposalRow row, CancellationToken cancellationToken)
    {
        var edits = await AuditStore.ReadAsync(unit, new AuditQuery(Subject: $"proposal:{row.Id}", Kind: "proposal.edited"), cancellationToken);
        return edits.SelectMany(e => GlChoices(row, JsonNode.Parse(e.DataJson)!.AsObject(), e.Actor, e.At).Select(i => (e.Seq, i))).ToList();
    }

    private static IEnumerable<MemoryItem> GlChoices(ProposalRow row, JsonObject edit, string actor, string at)
    {
        if (edit["before"]?["lines"] is not JsonArray before || edit["after"]?["lines"] is not JsonArray after)
        {
            yield break;
        }

        var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
        var vendorId = (string?)payload["vendor_id"];
        var vendorName = (string?)payload["vendor_name"] ?? vendorId;
        var was = before.Where(l => l?["cost_code"] is not null).GroupBy(l => (string)l!["cost_code"]!).ToDictionary(g => g.Key, g => (string?)g.First()!["account_id"]);
        foreach (var line in after.Where(l => l?["cost_code"] is not null && l["account_id"] is not null))
        {
            var code = (string)line!["cost_code"]!;
            var account = (string)line["account_id"]!;
            if (vendorId is null || (was.TryGetValue(code, out var old) && old == account))
            {
                continue;
            }

            yield return new MemoryItem(MemoryKinds.GlChoice, MemoryKinds.GlChoiceKey(vendorId, code),
                $"{actor} charged cost code {code} from {vendorName} to GL account {account} when editing bill {(string?)payload["doc_number"]} (proposal {row.Id})",
                account, $"proposal:{row.Id} edited by {actor}", DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
        }
    }
}
