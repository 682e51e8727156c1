using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

/// <param name="Created">Ids of the proposals stored by this call.</param>
/// <param name="Unchanged">Drafts whose idempotency key was already stored (a re-sweep over unchanged data).</param>
/// <param name="Superseded">Ids of older open proposals for the same finding that a new draft replaced.</param>
/// <param name="AutoApproved">Ids the auto policy approved (routine risk, agent in auto mode).</param>
public sealed record SubmitResult(IReadOnlyList<long> Created, int Unchanged, IReadOnlyList<long> Superseded, IReadOnlyList<long> AutoApproved);

public sealed partial class ProposalGate
{
    /// <summary>QuickBooks' requestid limit; the key is passed to the target as is (DESIGN.md rule 4).</summary>
    public const int MaxIdempotencyKeyLength = 50;

    public Task<SubmitResult> SubmitAsync(
        TenantData tenant, Actor actor, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken)
    {
        foreach (var draft in drafts)
        {
            Validate(actor, draft);
        }

        return InTransactionAsync(tenant, actor, null, async (unit) =>
        {
            var created = new List<long>();
            var superseded = new List<long>();
            var autoApproved = new List<long>();
            var unchanged = 0;
            foreach (var draft in drafts)
            {
                if (await ProposalStore.KeyExistsAsync(unit, draft.IdempotencyKey, cancellationToken))
                {
                    unchanged++;
                    await RenarrateAsync(unit, actor, draft, cancellationToken);
                    continue;
                }

                var id = await InsertAsync(unit, actor, draft, cancellationToken);
                created.Add(id);
                superseded.AddRange(await SupersedeAsync(unit, actor, draft, id, cancellationToken));
                if (await AutoApproveAsync(unit, draft, id, cancellationToken))
                {
                    autoApproved.Add(id);
                }
            }

            return new SubmitResult(created, unchanged, superseded, autoApproved);
        }, cancellationToken);
    }

    private static void Validate(Actor actor, ProposalDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.IdempotencyKey) || draft.IdempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            throw new ArgumentException(
                $"Idempotency key of '{draft.Title}' must be 1 to {MaxIdempotencyKeyLength} characters: it is passed to the target as its request id.",
                nameof(draft));
        }

        // An agent submits only its own drafts: proposed_by is what the "never approve your own" rule checks.
        if (actor.Kind == ActorKind.Agent && actor.Name != Actor.Agent(draft.Agent).Name)
        {
            throw new GateRefusedException($"{actor.Name} may not submit a proposal of agent {draft.Agent}.");
        }
    }

    private async Task<long> InsertAsync(
        DataUnit unit, Actor actor, ProposalDraft draft, CancellationToken cancellationToken)
    {
        var figures = JsonSerializer.SerializeToNode(draft.Figures, FigureJson.Options)!.AsArray();
        var editable = new JsonArray(draft.EditableFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        var id = await ProposalStore.InsertAsync(unit, new NewProposal(
            draft.Agent, draft.ActionKind, draft.Title, draft.Risk.ToString(), draft.IdempotencyKey, draft.Payload.ToJsonString(),
            figures.ToJsonString(), draft.Narrative, editable.ToJsonString(), draft.Reversible, draft.IrreversibleReason,
            draft.FindingKey, actor.Name, Now()), cancellationToken);
        await _audit.AppendAsync(unit, actor.Name, "proposal.created", Subject(id), new JsonObject
        {
            ["agent"] = draft.Agent,
            ["action_kind"] = draft.ActionKind,
            ["title"] = draft.Title,
            ["risk"] = draft.Risk.ToString(),
            ["idempotency_key"] = draft.IdempotencyKey,
            ["payload"] = draft.Payload.DeepClone(),
            ["figures"] = figures,
            ["reversible"] = draft.Reversible,
            ["irreversible_reason"] = draft.IrreversibleReason,
            ["finding_key"] = draft.FindingKey,
        }, cancellationToken);
        return id;
    }

    /// <summary>Same facts, newer explanation (a model narrative written after the proposal was created): shown from now on, and audited.</summary>
    private async Task RenarrateAsync(DataUnit unit, Actor actor, ProposalDraft draft, CancellationToken cancellationToken)
    {
        if (await ProposalStore.RenarrateAsync(unit, draft.IdempotencyKey, draft.Narrative, cancellationToken) is { } id)
        {
            await _audit.AppendAsync(unit, actor.Name, "proposal.renarrated", Subject(id), new JsonObject { ["narrative"] = draft.Narrative }, cancellationToken);
        }
    }

    /// <summary>A new draft for a finding replaces the older proposals for it that nobody has decided yet.</summary>
    private async Task<IReadOnlyList<long>> SupersedeAsync(
        DataUnit unit, Actor actor, ProposalDraft draft, long newId, CancellationToken cancellationToken)
    {
        if (draft.FindingKey is null)
        {
            return [];
        }

        var replaced = new List<long>();
        foreach (var oldId in await ProposalStore.OpenForFindingAsync(unit, draft.FindingKey, cancellationToken))
        {
            if (oldId == newId)
            {
                continue;
            }

            var reason = $"superseded by proposal {newId}";
            if (await ProposalStore.DecideAsync(unit, oldId, ProposalStates.Proposed, ProposalStates.Superseded, actor.Name, Now(), reason, cancellationToken))
            {
                await _audit.AppendAsync(unit, actor.Name, "proposal.superseded", Subject(oldId),
                    new JsonObject { ["superseded_by"] = newId, ["finding_key"] = draft.FindingKey }, cancellationToken);
                replaced.Add(oldId);
            }
        }

        return replaced;
    }

    /// <summary>In auto mode the auto policy approves routine proposals; money and legal always wait for a lead (rule 2).</summary>
    private async Task<bool> AutoApproveAsync(
        DataUnit unit, ProposalDraft draft, long id, CancellationToken cancellationToken)
    {
        var settings = GateSwitches.ToSwitches(await GateSettingsStore.GetAgentAsync(unit, draft.Agent, cancellationToken));
        if (settings.Mode != AgentMode.Auto)
        {
            return false;
        }

        var row = await LoadAsync(unit, id, cancellationToken);
        if (!GatePolicy.CanApprove(Actor.AutoPolicy, FactsFor(row)).Allowed)
        {
            return false;
        }

        await ApproveRowAsync(unit, Actor.AutoPolicy, row, cancellationToken);
        return true;
    }
}
