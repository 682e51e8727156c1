using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-invoice" (issue 16): writes the owner invoice for a pay application's current payment due to the
/// sandbox ledger with the proposal's idempotency key as request id; undo deletes it (refused by the ledger once a
/// payment is applied to it). The QuickBooks path is not here yet: <c>ILedgerWriter</c> carries bills only.
/// </summary>
public sealed class OwnerInvoiceExecutor(SandboxLedger ledger) : ActionExecutor<OwnerInvoicePayload>
{
    protected override Task<JsonObject> CaptureAsync(ActionRequest request, OwnerInvoicePayload payload, CancellationToken cancellationToken) =>
        Task.FromResult(new JsonObject { ["pay_app_id"] = payload.PayAppId, ["customer_id"] = payload.CustomerId, ["invoice_existed"] = false });

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, OwnerInvoicePayload payload, CancellationToken cancellationToken)
    {
        var written = await ledger.CreateInvoiceAsync(request.Data, payload.ToInvoice(), request.IdempotencyKey, cancellationToken);
        return new ActionOutcome(written.EntityId, new JsonObject
        {
            ["invoice_id"] = written.EntityId,
            ["sync_token"] = written.SyncToken,
            ["response"] = written.Response.DeepClone(),
        });
    }

    protected override async Task UndoAsync(
        ActionRequest request, OwnerInvoicePayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (await ledger.InvoiceSyncTokenAsync(request.Data, outcome.TargetId, cancellationToken) is not { } token)
        {
            return;
        }

        await ledger.DeleteInvoiceAsync(request.Data, outcome.TargetId, token, CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
