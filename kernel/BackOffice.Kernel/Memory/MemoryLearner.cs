using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Domain.Memory;
using BackOffice.Store.Audit;
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
/// Upserts are idempotent, so re-learning everything each sweep is safe; the latest edit wins.
/// </summary>
public static class MemoryLearner
{
    public static async Task<int> LearnAsync(TenantData tenant, ITenantMemory memory, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var learned = 0;
        foreach (var edit in await AuditStore.ReadAsync(unit, new AuditQuery(Kind: "proposal.edited"), cancellationToken))
        {
            if (!long.TryParse(edit.Subject.Replace("proposal:", "", StringComparison.Ordinal), out var id)
                || await ProposalStore.GetAsync(unit, id, cancellationToken) is not { State: "executed" } row
                || row.ActionKind != CreateBillPayload.Kind)
            {
                continue;
            }

            var data = JsonNode.Parse(edit.DataJson)!.AsObject();
            foreach (var item in GlChoices(row, data, edit.Actor, edit.At))
            {
                await memory.RememberAsync(item, cancellationToken);
                learned++;
            }
        }

        foreach (var row in (await ProposalStore.ListAsync(unit, new ProposalFilter(), cancellationToken))
                     .Where(r => r.FindingKey is not null && r.State is "executed" or "rejected"))
        {
            var why = row.DecisionReason is null ? "" : $" ({row.DecisionReason})";
            await memory.RememberAsync(new MemoryItem(MemoryKinds.Resolution, row.FindingKey!, $"{row.Title}: {row.State} by {row.DecidedBy}{why}",
                row.State, $"proposal:{row.Id}", DateTimeOffset.Parse(row.DecidedAt ?? row.ProposedAt, System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            learned++;
        }

        return learned + await LinkLearner.LearnAsync(tenant, memory, cancellationToken);
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
                account, $"proposal:{row.Id} edited by {actor}", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
