using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.retainage-entry" (issue 16): writes the retainage holding or releasing entry to the sandbox ledger with the
/// proposal's idempotency key as request id; undo deletes exactly that entry. Journal entries go to the sandbox because
/// <c>ILedgerWriter</c> does not carry them yet (as the reclass).
/// </summary>
public sealed class RetainageEntryExecutor(SandboxLedger ledger) : ActionExecutor<RetainageEntryPayload>
{
    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, RetainageEntryPayload payload, CancellationToken cancellationToken)
    {
        var date = payload.ToEntry().TxnDate;
        var before = await request.Data.LedgerFinancials.JournalDebitBalancesByCustomerAsync(payload.RetainageAccountId, date, cancellationToken);
        return new JsonObject
        {
            ["retainage_account_id"] = payload.RetainageAccountId,
            ["customer_id"] = payload.CustomerId,
            ["journal_debit_balance_before"] = BackOffice.Domain.Money.MoneyText.Plain(before.GetValueOrDefault(payload.CustomerId)),
        };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, RetainageEntryPayload payload, CancellationToken cancellationToken)
    {
        var written = await ledger.CreateJournalEntryAsync(request.Data, payload.ToEntry(), request.IdempotencyKey, cancellationToken);
        return new ActionOutcome(written.EntityId, new JsonObject
        {
            ["journal_entry_id"] = written.EntityId,
            ["sync_token"] = written.SyncToken,
            ["response"] = written.Response.DeepClone(),
        });
    }

    protected override async Task UndoAsync(
        ActionRequest request, RetainageEntryPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (await request.Data.Reclasses.GetActiveAsync(outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        await ledger.DeleteJournalEntryAsync(request.Data, current.Id, current.SyncToken,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
