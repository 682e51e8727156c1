using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Ledger.Actions;

/// <summary>
/// What the journal-entry executors (reclass, retainage, allowance) share (issue 13): the entry goes to the tenant's
/// target through <see cref="IJournalWriter"/> with the proposal's idempotency key as request id, and undo deletes it
/// with its current SyncToken, refusing when that moved since we wrote it (someone edited the entry in the ledger).
/// </summary>
public static class JournalEntryWrites
{
    public static async Task<ActionOutcome> CreateAsync(
        IJournalWriter ledger, ActionRequest request, JournalEntryDraft entry, CancellationToken cancellationToken)
    {
        var written = await ledger.CreateJournalEntryAsync(request.Data, entry, request.IdempotencyKey, cancellationToken);
        return new ActionOutcome(written.EntityId, new JsonObject
        {
            ["journal_entry_id"] = written.EntityId,
            ["sync_token"] = written.SyncToken,
            ["response"] = written.Response.DeepClone(),
        });
    }

    /// <summary>Deletes the entry <paramref name="outcome"/> names; nothing to do when it is already gone.</summary>
    public static async Task UndoAsync(IJournalWriter ledger, ActionRequest request, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (await ledger.JournalEntrySyncTokenAsync(request.Data, outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        var written = outcome.Result["sync_token"]?.GetValue<long>();
        if (written is { } token && current != token)
        {
            // Issue 13: the refusal names which of our fields moved, from the entry as the ledger holds it now.
            var now = await ledger.JournalEntryAsync(request.Data, outcome.TargetId, cancellationToken);
            throw LedgerChanges.Refusal("Journal entry", outcome.TargetId, token, current, outcome.Result["response"]?["JournalEntry"] as JsonObject, now);
        }

        await ledger.DeleteJournalEntryAsync(request.Data, outcome.TargetId, current,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
