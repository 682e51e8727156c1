using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "financial.note-change-order": records a note to mirror a change order on the side that lacks it (issue 3) in the
/// tenant's own financial_notes table, keyed by the proposal's idempotency key so a retry writes once. Undo deletes the
/// note when it was not there before, which restores the prior state exactly.
/// </summary>
public sealed class ChangeOrderNoteExecutor(TimeProvider clock) : IActionExecutor
{
    public const string Kind = "financial.note-change-order";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        Parse(request.Payload);
        var prior = await request.Data.FinancialNotes.GetAsync(request.IdempotencyKey, cancellationToken);
        return new JsonObject { ["idempotency_key"] = request.IdempotencyKey, ["existed"] = prior is not null };
    }

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var (commitment, side, text) = Parse(request.Payload);
        var note = await request.Data.FinancialNotes.AddOnceAsync(new FinancialNote(request.IdempotencyKey, commitment, side, text,
            request.ProposalId, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), cancellationToken);
        return new ActionOutcome(note.IdempotencyKey, new JsonObject
        {
            ["commitment_id"] = note.CommitmentId, ["lacking_side"] = note.LackingSide, ["text"] = note.Text, ["proposal_id"] = note.ProposalId,
        });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if ((bool?)priorState["existed"] == true)
        {
            return;
        }

        await request.Data.FinancialNotes.DeleteAsync((string)priorState["idempotency_key"]!, cancellationToken);
    }

    private static (string Commitment, string Side, string Text) Parse(JsonObject payload)
    {
        var commitment = (string?)payload["commitment_id"];
        var side = (string?)payload["lacking_side"];
        var text = (string?)payload["text"];
        if (string.IsNullOrWhiteSpace(commitment) || side is not ("ledger" or "project") || string.IsNullOrWhiteSpace(text))
        {
            throw new ProposalPayloadException($"{Kind} needs commitment_id, lacking_side (ledger|project) and text.");
        }

        return (commitment, side, text);
    }
}
