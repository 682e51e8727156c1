using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// Base of every executor (issue 12): reads the stored payload into <typeparamref name="TPayload"/> once per call
/// (a field of the wrong type is a <see cref="ProposalPayloadException"/> naming it) and hands the typed record to
/// the executor. The gate still sees only <see cref="IActionExecutor"/>; the kind comes from the payload record.
/// </summary>
public abstract class ActionExecutor<TPayload> : IActionExecutor
    where TPayload : IActionPayload
{
    public string ActionKind => TPayload.Kind;

    /// <inheritdoc cref="IActionExecutor.WritesTracked"/>
    public virtual bool WritesTracked => false;

    public Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken) =>
        CaptureAsync(request, ActionPayloadJson.Read<TPayload>(request.Payload), cancellationToken);

    public Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, ActionPayloadJson.Read<TPayload>(request.Payload), cancellationToken);

    public Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
        UndoAsync(request, ActionPayloadJson.Read<TPayload>(request.Payload), priorState, outcome, cancellationToken);

    /// <summary>
    /// Reads the payload as <typeparamref name="TPayload"/> (a field of the wrong type is a problem naming it) and, when
    /// the record reviews itself (<see cref="IReviewedPayload"/>), validates and describes it (issue 19).
    /// </summary>
    public PayloadReview Review(JsonObject payload)
    {
        TPayload typed;
        try
        {
            typed = ActionPayloadJson.Read<TPayload>(payload);
        }
        catch (ProposalPayloadException ex)
        {
            var colon = ex.Message.IndexOf(':', StringComparison.Ordinal);
            var field = colon > 0 ? ex.Message[..colon] : "payload";
            return new PayloadReview([new PayloadProblem(field, colon > 0 ? ex.Message[(colon + 1)..].Trim() : ex.Message)], [], null);
        }

        return typed is IReviewedPayload reviewed ? PayloadReview.Of(reviewed) : PayloadReview.Unchecked;
    }

    protected abstract Task<JsonObject> CaptureAsync(ActionRequest request, TPayload payload, CancellationToken cancellationToken);

    protected abstract Task<ActionOutcome> ExecuteAsync(ActionRequest request, TPayload payload, CancellationToken cancellationToken);

    protected abstract Task UndoAsync(
        ActionRequest request, TPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken);
}
