using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Workforce;

namespace BackOffice.Agents.Workforce.Actions;

/// <summary>
/// "payroll.adjustment": queues an approved adjustment in the sandbox payroll outbox (issue 7) with the proposal's
/// idempotency key as its request id; undo removes it again, before the payroll runs on it. A connector to a real
/// payroll system would take this executor's place.
/// </summary>
public sealed class PayrollAdjustmentExecutor(WorkforceOutbox outbox) : ActionExecutor<PayrollAdjustmentPayload>
{
    /// <summary>Issue 17: writes workforce_outbox only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override Task<JsonObject> CaptureAsync(ActionRequest request, PayrollAdjustmentPayload payload, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.CaptureAsync(outbox, request, cancellationToken);

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, PayrollAdjustmentPayload payload, CancellationToken cancellationToken)
    {
        var text = payload.Amount ?? throw new FormatException($"{PayrollAdjustmentPayload.Kind} needs an amount.");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount == 0m)
        {
            throw new FormatException($"{PayrollAdjustmentPayload.Kind} amount '{text}' is not a non-zero amount like 243.00.");
        }

        // The stored payload as approved (and perhaps edited) goes to the outbox unchanged, as before issue 12.
        var entry = await outbox.AddAsync(
            request.Data, request.IdempotencyKey, "payroll-adjustment", payload.EmployeeId, payload.WeekStart,
            Cents.FromDollars(amount), request.Payload.ToJsonString(), cancellationToken);
        return WorkforceOutboxExecution.Outcome(entry);
    }

    protected override Task UndoAsync(
        ActionRequest request, PayrollAdjustmentPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.UndoAsync(outbox, request, priorState, outcome, cancellationToken);
}

/// <summary>Prior state, outcome and undo shared by the executors that write the sandbox payroll outbox.</summary>
internal static class WorkforceOutboxExecution
{
    public static async Task<JsonObject> CaptureAsync(WorkforceOutbox outbox, ActionRequest request, CancellationToken cancellationToken)
    {
        var existing = await outbox.FindAsync(request.Data, request.IdempotencyKey, cancellationToken);
        return new JsonObject { ["existed"] = existing is not null, ["entry_id"] = existing?.Id };
    }

    public static ActionOutcome Outcome(WorkforceOutboxEntry entry) =>
        new(entry.Id.ToString(CultureInfo.InvariantCulture), new JsonObject { ["outbox_id"] = entry.Id, ["request_id"] = entry.RequestId, ["kind"] = entry.Kind });

    /// <summary>Removes the entry this proposal queued, unless it was there before (then the prior state already holds it).</summary>
    public static async Task UndoAsync(WorkforceOutbox outbox, ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["existed"]?.GetValue<bool>() == true)
        {
            return;
        }

        await outbox.DeleteAsync(request.Data, long.Parse(outcome.TargetId, CultureInfo.InvariantCulture), cancellationToken);
    }
}
