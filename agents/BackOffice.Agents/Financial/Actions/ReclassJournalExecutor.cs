using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-journal-entry": writes a reclass journal entry for a mis-coded cost (issue 3) to the
/// ledger with the proposal's idempotency key as request id; undo deletes the entry again. Issue 13: through
/// <see cref="IJournalWriter"/>, so the entry lands in QuickBooks when that is the tenant's target.
/// </summary>
public sealed class ReclassJournalExecutor(IJournalWriter ledger) : ActionExecutor<ReclassPayload>
{
    /// <summary>Issue 17: writes the entry goes through the sandbox ledger or QuickBooks' answer applied by its sync, both journaled.</summary>
    public override bool WritesTracked => true;

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
        return await JournalEntryWrites.CreateAsync(ledger, request, payload.ToEntry(), cancellationToken);
    }

    protected override async Task UndoAsync(
        ActionRequest request, ReclassPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var before = priorState["existing_entry_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        if (!before.Contains(outcome.TargetId))
        {
            await JournalEntryWrites.UndoAsync(ledger, request, outcome, cancellationToken);
        }
    }
}
