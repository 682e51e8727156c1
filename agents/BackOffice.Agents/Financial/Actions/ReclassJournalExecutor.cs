using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-journal-entry": writes a reclass journal entry for a mis-coded cost (issue 3) through the sandbox
/// ledger with the proposal's idempotency key as request id; undo deletes the entry again. The sandbox is used directly
/// because <see cref="ILedgerWriter"/> does not (yet) carry journal entries.
/// </summary>
public sealed class ReclassJournalExecutor(SandboxLedger ledger) : ActionExecutor<ReclassPayload>
{
    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, ReclassPayload payload, CancellationToken cancellationToken)
    {
        var source = payload.Source();
        var existing = await request.Data.Reclasses.ActiveForAsync(source, cancellationToken);
        return new JsonObject
        {
            ["source_line"] = source,
            ["existing_entry_ids"] = new JsonArray(existing.Select(e => (JsonNode?)JsonValue.Create(e.Id)).ToArray()),
        };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, ReclassPayload payload, CancellationToken cancellationToken)
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
        ActionRequest request, ReclassPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var before = priorState["existing_entry_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        if (before.Contains(outcome.TargetId)
            || await request.Data.Reclasses.GetActiveAsync(outcome.TargetId, cancellationToken) is not { } current)
        {
            return;
        }

        await ledger.DeleteJournalEntryAsync(request.Data, current.Id, current.SyncToken,
            CreateBillExecutor.UndoRequestId(request.IdempotencyKey), cancellationToken);
    }
}
