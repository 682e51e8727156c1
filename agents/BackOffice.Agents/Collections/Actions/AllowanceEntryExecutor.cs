using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// "ledger.adjust-allowance" (issue 16): writes the allowance adjusting entry to the ledger with the proposal's
/// idempotency key as request id; undo deletes exactly that entry. Issue 13: through <c>IJournalWriter</c>,
/// the tenant's target (sandbox or QuickBooks).
/// </summary>
public sealed class AllowanceEntryExecutor(IJournalWriter ledger) : ActionExecutor<AllowanceEntryPayload>
{
    /// <summary>Issue 17: writes the entry goes through the sandbox ledger or QuickBooks' answer applied by its sync, both journaled.</summary>
    public override bool WritesTracked => true;

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
        return await JournalEntryWrites.CreateAsync(ledger, request, payload.ToEntry(), cancellationToken);
    }

    protected override async Task UndoAsync(
        ActionRequest request, AllowanceEntryPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        await JournalEntryWrites.UndoAsync(ledger, request, outcome, cancellationToken);
    }
}
