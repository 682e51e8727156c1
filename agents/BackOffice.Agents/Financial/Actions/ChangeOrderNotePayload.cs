using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>The "financial.note-change-order" payload (issue 3): a note for the side (ledger|project) lacking a change order.</summary>
public sealed record ChangeOrderNotePayload(string CommitmentId, string LackingSide, string Text) : IActionPayload
{
    public static string Kind => "financial.note-change-order";

    public ChangeOrderNotePayload Checked() =>
        string.IsNullOrWhiteSpace(CommitmentId) || LackingSide is not ("ledger" or "project") || string.IsNullOrWhiteSpace(Text)
            ? throw new ProposalPayloadException($"{Kind} needs commitment_id, lacking_side (ledger|project) and text.")
            : this;
}
