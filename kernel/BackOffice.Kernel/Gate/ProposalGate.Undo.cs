using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    /// <summary>
    /// Restores the prior state captured with the intent (DESIGN.md rule 3). An undo claim (a lease on the proposal)
    /// keeps two undos from both running; a failed undo releases it, a crashed one lets it expire.
    /// </summary>
    public async Task<ProposalRow> UndoAsync(TenantData tenant, Actor actor, long id, CancellationToken cancellationToken)
    {
        var (executor, request, prior, outcome) = await ClaimUndoAsync(tenant, actor, id, cancellationToken);
        try
        {
            await executor.UndoAsync(request, prior, outcome, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await InTransactionAsync(tenant, actor, id, async (unit) =>
            {
                await ProposalStore.FinishUndoAsync(unit, id, actor.Name, reverted: false, cancellationToken);
                var data = Tracked(new JsonObject { ["error"] = $"{ex.GetType().Name}: {ex.Message}" }, executor);
                // Issue 13: a record edited in the ledger since we wrote it: the audit keeps which of our fields moved.
                if (ex is BackOffice.Store.Ledger.LedgerChangedException { ChangedFields.Count: > 0 } changed)
                {
                    data["changed_fields"] = new JsonArray(changed.ChangedFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
                }

                await _audit.AppendAsync(unit, actor.Name, "proposal.undo-failed", Subject(id), data, cancellationToken);
                return true;
            }, cancellationToken);
            throw;
        }

        return await InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            if (!await ProposalStore.FinishUndoAsync(unit, id, actor.Name, reverted: true, cancellationToken))
            {
                var current = await LoadAsync(unit, id, cancellationToken);
                throw Conflict(id, current.State, "reverted");
            }

            await ProposalExecutionStore.MarkUndoneAsync(unit, id, Now(), actor.Name, cancellationToken);
            await _audit.AppendAsync(unit, actor.Name, "proposal.undone", Subject(id),
                Tracked(new JsonObject { ["target_id"] = outcome.TargetId, ["restored"] = prior.DeepClone() }, executor), cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);
    }

    private Task<(IActionExecutor Executor, ActionRequest Request, JsonObject Prior, ActionOutcome Outcome)> ClaimUndoAsync(
        TenantData tenant, Actor actor, long id, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanAct(actor, FactsFor(row), "undo"));
            await EnsureWritesEnabledAsync(unit, row.Agent, cancellationToken);
            EnsureCanMove(row, "undone", ProposalStates.Reverted);
            if (row.Reversible == 0)
            {
                throw new GateRefusedException($"Proposal {id} is not reversible: {row.IrreversibleReason}");
            }

            var executor = ExecutorFor(row);
            var now = _clock.GetUtcNow();
            var leaseUntil = StoreTime.ToText(now.AddSeconds(_options.ExecutionLeaseSeconds));
            if (!await ProposalStore.ClaimUndoAsync(unit, id, actor.Name, StoreTime.ToText(now), leaseUntil, cancellationToken))
            {
                throw new ProposalConflictException(id, row.State,
                    $"Proposal {id} is executed and being undone by {row.UndoBy} (claim until {row.UndoLeaseUntil}).");
            }

            var execution = await ProposalExecutionStore.GetAsync(unit, id, cancellationToken)
                ?? throw new InvalidOperationException($"Proposal {id} is executed but has no execution record.");
            var stored = JsonNode.Parse(execution.OutcomeJson ?? "{}")!.AsObject();
            var outcome = new ActionOutcome(
                stored["target_id"]?.GetValue<string>() ?? row.TargetId ?? "", stored["result"]?.AsObject().DeepClone().AsObject() ?? []);
            await _audit.AppendAsync(unit, actor.Name, "proposal.undo-started", Subject(id),
                Tracked(new JsonObject { ["target_id"] = outcome.TargetId, ["lease_until"] = leaseUntil }, executor), cancellationToken);
            return (executor, RequestFor(tenant, row), JsonNode.Parse(execution.PriorStateJson)!.AsObject(), outcome);
        }, cancellationToken);
}
