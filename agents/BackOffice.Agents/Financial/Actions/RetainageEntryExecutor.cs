using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.retainage-entry" (issue 16): writes the retainage holding or releasing entry to the ledger with the
/// proposal's idempotency key as request id; undo deletes exactly that entry. Issue 13: through <c>IJournalWriter</c>,
/// the tenant's target (sandbox or QuickBooks).
/// </summary>
public sealed class RetainageEntryExecutor(IJournalWriter ledger) : ActionExecutor<RetainageEntryPayload>
{
    /// <summary>Issue 17: writes the entry goes through the sandbox ledger or QuickBooks' answer applied by its sync, both journaled.</summary>
    public override bool WritesTracked => true;

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
        return await JournalEntryWrites.CreateAsync(ledger, request, payload.ToEntry(), cancellationToken);
    }

    protected override async Task UndoAsync(
        ActionRequest request, RetainageEntryPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        await JournalEntryWrites.UndoAsync(ledger, request, outcome, cancellationToken);
    }
}
