using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Workforce;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "workforce.staffing-alert": queues the approved alert (its message names the trade, the short weeks and the options)
/// in the sandbox payroll outbox for the scheduler and the superintendents (issue 7); undo removes it while it is queued.
/// </summary>
public sealed class StaffingAlertExecutor(WorkforceOutbox outbox) : IActionExecutor
{
    public const string Kind = "workforce.staffing-alert";

    public string ActionKind => Kind;

    public Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.CaptureAsync(outbox, request, cancellationToken);

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var entry = await outbox.AddAsync(
            request.Data, request.IdempotencyKey, "staffing-alert", null, null, null, request.Payload.ToJsonString(), cancellationToken);
        return WorkforceOutboxExecution.Outcome(entry);
    }

    public Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.UndoAsync(outbox, request, priorState, outcome, cancellationToken);
}
