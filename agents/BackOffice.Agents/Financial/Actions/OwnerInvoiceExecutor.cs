using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-invoice" (issue 16): writes the owner invoice for a pay application's current payment due to the
/// tenant's ledger target (issue 13: the sandbox, or QuickBooks through <see cref="IInvoiceWriter"/>) with the
/// proposal's idempotency key as request id; undo deletes it with the SyncToken we wrote, refused by the ledger once a
/// payment is applied to it or someone changed it (naming the fields that differ from what we wrote).
/// </summary>
public sealed class OwnerInvoiceExecutor(IInvoiceWriter ledger) : ActionExecutor<OwnerInvoicePayload>
{
    /// <summary>Issue 17: writes the invoice goes through the sandbox ledger or QuickBooks' answer applied by its sync, both journaled.</summary>
    public override bool WritesTracked => true;

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
        if (await ledger.InvoiceSyncTokenAsync(request.Data, outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        // The token we wrote, not the current one: an invoice someone changed since is not ours to delete (issue 13).
        var token = outcome.Result["sync_token"]?.GetValue<long>() ?? current;
        await ledger.DeleteInvoiceAsync(request.Data, outcome.TargetId, token, outcome.Result["response"]?["Invoice"] as JsonObject,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
