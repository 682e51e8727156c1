using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// "collections.record-promise" (issue 5): records the promise a customer made on a call (see <see cref="RecordPromisePayload"/>).
/// Undo deletes the row it wrote.
/// </summary>
public sealed class RecordPromiseExecutor : ActionExecutor<RecordPromisePayload>
{
    /// <summary>Issue 17: writes collections_promises only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, RecordPromisePayload payload, CancellationToken cancellationToken) =>
        new() { ["promise_id"] = request.IdempotencyKey, ["existed"] = await Store(request).ExistsAsync(request.IdempotencyKey, cancellationToken) };

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, RecordPromisePayload payload, CancellationToken cancellationToken)
    {
        var promise = payload.ToPromise(request.IdempotencyKey);
        var written = await Store(request).RecordAsync(promise, payload.Note, request.ProposalId, cancellationToken);
        return new ActionOutcome(promise.Id, new JsonObject { ["promise_id"] = promise.Id, ["written"] = written });
    }

    protected override async Task UndoAsync(
        ActionRequest request, RecordPromisePayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["existed"]?.GetValue<bool>() != true)
        {
            await Store(request).DeleteAsync(request.IdempotencyKey, cancellationToken);
        }
    }

    private static PromiseStore Store(ActionRequest request) => request.Data.Promises;
}
