using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "financial.note-change-order": records a note to mirror a change order on the side that lacks it (issue 3) in the
/// tenant's own financial_notes table, keyed by the proposal's idempotency key so a retry writes once. Undo deletes the
/// note when it was not there before, which restores the prior state exactly.
/// </summary>
public sealed class ChangeOrderNoteExecutor(TimeProvider clock) : ActionExecutor<ChangeOrderNotePayload>
{
    /// <summary>Issue 17: writes financial_notes only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, ChangeOrderNotePayload payload, CancellationToken cancellationToken)
    {
        payload.Checked();
        var prior = await request.Data.FinancialNotes.GetAsync(request.IdempotencyKey, cancellationToken);
        return new JsonObject { ["idempotency_key"] = request.IdempotencyKey, ["existed"] = prior is not null };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, ChangeOrderNotePayload payload, CancellationToken cancellationToken)
    {
        var (commitment, side, text) = payload.Checked();
        var note = await request.Data.FinancialNotes.AddOnceAsync(new FinancialNote(request.IdempotencyKey, commitment, side, text,
            request.ProposalId, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), cancellationToken);
        return new ActionOutcome(note.IdempotencyKey, new JsonObject
        {
            ["commitment_id"] = note.CommitmentId, ["lacking_side"] = note.LackingSide, ["text"] = note.Text, ["proposal_id"] = note.ProposalId,
        });
    }

    protected override async Task UndoAsync(
        ActionRequest request, ChangeOrderNotePayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if ((bool?)priorState["existed"] == true)
        {
            return;
        }

        await request.Data.FinancialNotes.DeleteAsync((string)priorState["idempotency_key"]!, cancellationToken);
    }
}
