using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// Carries out one kind of approved action against a target system (the sandbox ledger, QuickBooks, an outbox).
/// The gate calls <see cref="CapturePriorStateAsync"/> and stores its answer in the same transaction that records
/// the intent, then <see cref="ExecuteAsync"/> with the proposal's idempotency key, which the executor must pass to
/// the target so that a retry after a crash never writes twice (DESIGN.md rules 3 and 4).
/// </summary>
public interface IActionExecutor
{
    string ActionKind { get; }

    Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken);

    Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken);

    /// <summary>Restores <paramref name="priorState"/> exactly, using what <paramref name="outcome"/> says was written.</summary>
    Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Checks and describes a (possibly edited) payload without touching any target (issue 19).</summary>
    PayloadReview Review(JsonObject payload) => PayloadReview.Unchecked;

    /// <summary>
    /// Issue 17: true when every local write of <see cref="ExecuteAsync"/> and <see cref="UndoAsync"/> is named by the
    /// change journal (the sandbox ledger, a connector's applied answer), moves a counted side table's own version
    /// (migration 2027) or is a file in the tenant's folders. The gate then marks the execution's audit events so, and a
    /// report refreshed per key reads what those name instead of taking the execution for an unknown change.
    /// </summary>
    bool WritesTracked => false;
}

/// <param name="Data">The tenant's data context: the executor reaches its target's store through it, never a file path.</param>
public sealed record ActionRequest(BackOffice.Store.Tenancy.TenantData Data, long ProposalId, string IdempotencyKey, JsonObject Payload)
{
    public string Tenant => Data.Tenant;
}

/// <param name="TargetId">Id of what was written in the target, e.g. the bill id.</param>
/// <param name="Result">What the target answered, stored with the proposal.</param>
public sealed record ActionOutcome(string TargetId, JsonObject Result);
