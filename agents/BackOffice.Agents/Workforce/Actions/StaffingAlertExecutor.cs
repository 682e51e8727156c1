using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Workforce;

namespace BackOffice.Agents.Workforce.Actions;

/// <summary>
/// "workforce.staffing-alert": queues the approved alert (its message names the trade, the short weeks and the options)
/// in the sandbox payroll outbox for the scheduler and the superintendents (issue 7); undo removes it while it is queued.
/// </summary>
public sealed class StaffingAlertExecutor(WorkforceOutbox outbox) : ActionExecutor<StaffingAlertPayload>
{
    /// <summary>Issue 17: writes workforce_outbox only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override Task<JsonObject> CaptureAsync(ActionRequest request, StaffingAlertPayload payload, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.CaptureAsync(outbox, request, cancellationToken);

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, StaffingAlertPayload payload, CancellationToken cancellationToken)
    {
        var entry = await outbox.AddAsync(
            request.Data, request.IdempotencyKey, "staffing-alert", null, null, null, request.Payload.ToJsonString(), cancellationToken);
        return WorkforceOutboxExecution.Outcome(entry);
    }

    protected override Task UndoAsync(
        ActionRequest request, StaffingAlertPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.UndoAsync(outbox, request, priorState, outcome, cancellationToken);
}
