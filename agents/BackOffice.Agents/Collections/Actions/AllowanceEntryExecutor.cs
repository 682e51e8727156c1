using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// "ledger.adjust-allowance" (issue 16): writes the allowance adjusting entry to the sandbox ledger with the proposal's
/// idempotency key as request id; undo deletes exactly that entry. Like the reclass, journal entries go to the sandbox
/// because <c>ILedgerWriter</c> does not carry them yet.
/// </summary>
public sealed class AllowanceEntryExecutor(SandboxLedger ledger) : ActionExecutor<AllowanceEntryPayload>
{
    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, AllowanceEntryPayload payload, CancellationToken cancellationToken)
    {
        var date = payload.ToEntry().TxnDate;
        var before = await request.Data.LedgerFinancials.JournalCreditBalanceAsync(payload.AllowanceAccountId, date, cancellationToken);
        return new JsonObject
        {
            ["allowance_account_id"] = payload.AllowanceAccountId,
            ["credit_balance_before"] = before is { } b ? BackOffice.Domain.Money.MoneyText.Plain(b) : null,
        };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, AllowanceEntryPayload payload, CancellationToken cancellationToken)
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
        ActionRequest request, AllowanceEntryPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (await request.Data.Reclasses.GetActiveAsync(outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        await ledger.DeleteJournalEntryAsync(request.Data, current.Id, current.SyncToken,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
