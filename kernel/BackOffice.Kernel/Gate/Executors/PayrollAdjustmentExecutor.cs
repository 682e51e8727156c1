using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Workforce;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "payroll.adjustment": queues an approved adjustment in the sandbox payroll outbox (issue 7) with the proposal's
/// idempotency key as its request id; undo removes it again, before the payroll runs on it. A connector to a real
/// payroll system would take this executor's place.
/// </summary>
public sealed class PayrollAdjustmentExecutor(WorkforceOutbox outbox) : IActionExecutor
{
    public const string Kind = "payroll.adjustment";

    public string ActionKind => Kind;

    public Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken) =>
        WorkforceOutboxExecution.CaptureAsync(outbox, request, cancellationToken);

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var payload = request.Payload;
        var text = (string?)payload["amount"] ?? throw new FormatException("payroll.adjustment needs an amount.");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount == 0m)
        {
            throw new FormatException($"payroll.adjustment amount '{text}' is not a non-zero amount like 243.00.");
        }

        var entry = await outbox.AddAsync(
            request.Data, request.IdempotencyKey, "payroll-adjustment", (string?)payload["employee_id"], (string?)payload["week_start"],
            Cents.FromDollars(amount), payload.ToJsonString(), cancellationToken);
        return WorkforceOutboxExecution.Outcome(entry);
    }

    public Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
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
