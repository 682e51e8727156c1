using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    /// <summary>
    /// Executes exactly once (DESIGN.md rules 3-4): (1) record the intent, the claim and the prior state in one
    /// transaction; (2) call the target with the idempotency key; (3) record the outcome. A cancellation or a crash
    /// between (1) and (3) leaves the proposal executing: the outcome is unknown, so once the lease expires the next
    /// call resumes with the same key and the target answers with its original write instead of writing again.
    /// A target that refuses moves the proposal to failed (returned, not thrown: it is an expected outcome).
    /// </summary>
    public async Task<ProposalRow> ExecuteAsync(TenantData tenant, Actor actor, long id, CancellationToken cancellationToken)
    {
        var precaptured = await PrecaptureAsync(tenant, actor, id, cancellationToken);
        var (executor, request, refused) = await ClaimExecutionAsync(tenant, actor, id, precaptured, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        ActionOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FinishAsync(tenant, actor, id, executor, null, ex, cancellationToken);
        }

        // Issue 18: a test-only pause (off unless BACKOFFICE_PAUSE_AT names it) where a host is killed across processes.
        await PausePoints.ReachedAsync(PausePoints.TargetAnswered, Subject(id), cancellationToken);
        return await FinishAsync(tenant, actor, id, executor, outcome, null, cancellationToken);
    }

    /// <summary>The claim, or the proposal as failed validation left it (issue 19), then with no executor to call.</summary>
    private Task<(IActionExecutor Executor, ActionRequest Request, ProposalRow? Refused)> ClaimExecutionAsync(
        TenantData tenant, Actor actor, long id, JsonObject? precaptured, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanAct(actor, FactsFor(row), "execute"));
            await EnsureWritesEnabledAsync(unit, row.Agent, cancellationToken);
            var executor = ExecutorFor(row);
            var request = RequestFor(tenant, row);
            var now = _clock.GetUtcNow();
            var leaseUntil = StoreTime.ToText(now.AddSeconds(_options.ExecutionLeaseSeconds));
            if (row.State == ProposalStates.Executing)
            {
                await ResumeAsync(unit, actor, row, executor, now, leaseUntil, cancellationToken);
                return (executor, request, null);
            }

            EnsureCanMove(row, "executed", ProposalStates.Executing);
            if (await FailIfInvalidAsync(unit, actor, row, request, cancellationToken) is { } failed)
            {
                return (executor, request, (ProposalRow?)failed);
            }

            if (!await ProposalStore.ClaimExecutionAsync(unit, id, row.State, row.LeaseUntil, actor.Name, leaseUntil, cancellationToken))
            {
                throw Conflict(id, row.State, "executed");
            }

            var existing = await ProposalExecutionStore.GetAsync(unit, id, cancellationToken);
            var prior = existing is null
                ? precaptured ?? await executor.CapturePriorStateAsync(request, cancellationToken)
                : JsonNode.Parse(existing.PriorStateJson)!.AsObject();
            await ProposalExecutionStore.StartAsync(unit, id, row.IdempotencyKey, prior.ToJsonString(), Now(), actor.Name, cancellationToken);
            await _audit.AppendAsync(unit, actor.Name, "proposal.execution-started", Subject(id), Tracked(new JsonObject
            {
                ["from"] = row.State,
                ["idempotency_key"] = row.IdempotencyKey,
                ["lease_until"] = leaseUntil,
                ["prior_state"] = prior.DeepClone(),
            }, executor), cancellationToken);
            return (executor, request, null);
        }, cancellationToken);

    /// <summary>
    /// Issue 19: execute re-validates the (possibly edited) payload and its references before anything is claimed. An
    /// invalid one moves to failed with a plain reason naming the fields; nothing ran, so it may be edited and approved
    /// again, or rejected.
    /// </summary>
    private async Task<ProposalRow?> FailIfInvalidAsync(
        DataUnit unit, Actor actor, ProposalRow row, ActionRequest request, CancellationToken cancellationToken)
    {
        var review = await ReviewAsync(unit, row, request.Payload, cancellationToken);
        if (review.Problems.Count == 0)
        {
            return null;
        }

        var reason = $"Not executed, the proposal is not valid: {string.Join("; ", review.Problems)}";
        if (!await ProposalStore.FailBeforeExecutionAsync(unit, row.Id, row.Version, reason, cancellationToken))
        {
            throw Conflict(row.Id, row.State, "executed");
        }

        await _audit.AppendAsync(unit, actor.Name, "proposal.failed", Subject(row.Id), Tracked(new JsonObject
        {
            ["executed_by"] = actor.Name, ["error"] = reason, ["before_execution"] = true,
        }, null), cancellationToken);
        return await LoadAsync(unit, row.Id, cancellationToken);
    }

    /// <summary>Takes over an execution whose claimant is gone (its lease expired); a live lease is a conflict.</summary>
    private async Task ResumeAsync(
        DataUnit unit, Actor actor, ProposalRow row, IActionExecutor executor, DateTimeOffset now, string leaseUntil,
        CancellationToken cancellationToken)
    {
        if (row.LeaseUntil is not null && StoreTime.Parse(row.LeaseUntil) > now)
        {
            var started = (await ProposalExecutionStore.GetAsync(unit, row.Id, cancellationToken))?.StartedAt ?? "?";
            throw new ProposalConflictException(row.Id, row.State,
                $"Proposal {row.Id} is executing: being executed by {row.ExecutedBy} since {started} (lease until {row.LeaseUntil}).");
        }

        if (!await ProposalStore.ClaimExecutionAsync(unit, row.Id, ProposalStates.Executing, row.LeaseUntil, actor.Name, leaseUntil, cancellationToken))
        {
            throw Conflict(row.Id, row.State, "resumed");
        }

        await _audit.AppendAsync(unit, actor.Name, "proposal.execution-resumed", Subject(row.Id), Tracked(new JsonObject
        {
            ["previous_executor"] = row.ExecutedBy,
            ["expired_lease"] = row.LeaseUntil,
            ["lease_until"] = leaseUntil,
            ["idempotency_key"] = row.IdempotencyKey,
        }, executor), cancellationToken);
    }

    private Task<ProposalRow> FinishAsync(
        TenantData tenant, Actor actor, long id, IActionExecutor executor, ActionOutcome? outcome, Exception? error, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var succeeded = outcome is not null;
            var to = succeeded ? ProposalStates.Executed : ProposalStates.Failed;
            var errorText = error is null ? null : $"{error.GetType().Name}: {error.Message}";
            if (!await ProposalStore.FinishExecutionAsync(unit, id, to, outcome?.TargetId, outcome?.Result.ToJsonString(), errorText, cancellationToken))
            {
                var current = await LoadAsync(unit, id, cancellationToken);
                throw Conflict(id, current.State, to);
            }

            var data = Tracked(new JsonObject { ["executed_by"] = actor.Name }, executor);
            if (outcome is not null)
            {
                var outcomeJson = new JsonObject { ["target_id"] = outcome.TargetId, ["result"] = outcome.Result.DeepClone() };
                await ProposalExecutionStore.CompleteAsync(unit, id, Now(), outcomeJson.ToJsonString(), cancellationToken);
                data["target_id"] = outcome.TargetId;
                data["result"] = outcome.Result.DeepClone();
            }
            else
            {
                data["error"] = errorText;
            }

            await _audit.AppendAsync(unit, actor.Name, succeeded ? "proposal.executed" : "proposal.failed", Subject(id), data, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);
}
