using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Ledger.Actions;

/// <summary>
/// "ledger.create-bill": creates an A/P bill through <see cref="ILedgerWriter"/> (the sandbox ledger by default,
/// QuickBooks Online later) with the proposal's idempotency key as the request id; undo deletes it again.
/// </summary>
public sealed class CreateBillExecutor(ILedgerWriter ledger) : ActionExecutor<CreateBillPayload>
{
    /// <summary>Issue 17: writes the bill goes through the sandbox ledger or QuickBooks' answer applied by its sync, both journaled.</summary>
    public override bool WritesTracked => true;

    /// <summary>Which bills already carry this vendor and document number: the natural key, and what undo must leave.</summary>
    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, CreateBillPayload payload, CancellationToken cancellationToken)
    {
        var bill = payload.ToBill();
        var existing = bill.DocNumber is null
            ? []
            : await ledger.FindBillsAsync(request.Data, bill.VendorId, bill.DocNumber, cancellationToken);
        return new JsonObject
        {
            ["vendor_id"] = bill.VendorId,
            ["doc_number"] = bill.DocNumber,
            ["existed"] = existing.Count > 0,
            ["existing_bill_ids"] = new JsonArray(existing.Select(b => (JsonNode?)JsonValue.Create(b.Id)).ToArray()),
        };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CreateBillPayload payload, CancellationToken cancellationToken)
    {
        var written = await ledger.CreateBillAsync(request.Data, payload.ToBill(), request.IdempotencyKey, cancellationToken);
        return new ActionOutcome(written.EntityId, new JsonObject
        {
            ["bill_id"] = written.EntityId,
            ["sync_token"] = written.SyncToken,
            ["response"] = written.Response.DeepClone(),
        });
    }

    /// <summary>
    /// Deletes the bill this proposal created, with its current SyncToken (refused if that moved since we wrote it), unless it was there before (then the
    /// prior state already holds it) or is already gone (then the prior state is already restored).
    /// </summary>
    protected override async Task UndoAsync(
        ActionRequest request, CreateBillPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var before = priorState["existing_bill_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        if (before.Contains(outcome.TargetId))
        {
            return;
        }

        var current = await ledger.GetBillAsync(request.Data, outcome.TargetId, cancellationToken);
        if (current is null)
        {
            return;
        }

        // Issue 13: someone may have edited the bill in the ledger since we wrote it; deleting would destroy their edit.
        var written = outcome.Result["sync_token"]?.GetValue<long>();
        if (written is { } token && current.SyncToken != token)
        {
            throw LedgerChanges.Refusal("Bill", current.Id, token, current.SyncToken, outcome.Result["response"]?["Bill"] as JsonObject, current.Entity);
        }

        await ledger.DeleteBillAsync(request.Data, current.Id, current.SyncToken, UndoRequestId(request.IdempotencyKey), cancellationToken);
    }

    /// <summary>A request id of its own for the delete (the create's id would replay the create), within the 50-character limit.</summary>
    public static string UndoRequestId(string idempotencyKey) =>
        "undo-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..40];
}
