using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A Routine proposal to record a note to mirror a change order on the side that lacks it (issue 3). The key covers the
/// commitment, the side and the difference, not the date: the same facts give the same key, and once the note is
/// stored (financial_notes) the sweep proposes it no more. A changed difference is new facts and a new note.
/// </summary>
internal static class ChangeOrderNoteProposal
{
    private const string Tool = nameof(ReconciliationTools) + "." + nameof(ReconciliationTools.Worklist);

    public static ProposalDraft? For(WorklistItem item, IReadOnlyList<Figure> figures, string findingKey, IReadOnlySet<string> noted)
    {
        var side = item.Category switch
        {
            WorklistCategory.ChangeOrderMissingInLedger => "ledger",
            WorklistCategory.ChangeOrderLedgerOnly => "project",
            _ => null,
        };
        if (side is null)
        {
            return null;
        }

        var key = ProposalKeys.For("fin-co-", new JsonObject { ["commitment"] = item.Subject, ["side"] = side, ["difference"] = MoneyText.Plain(item.Difference) });
        if (noted.Contains(key))
        {
            return null;
        }

        var text = side == "ledger"
            ? $"Add the approved change order(s) on commitment {item.Subject} to its ledger purchase order: the PO is {MoneyText.Usd(-item.Difference)} short."
            : $"The ledger purchase order for commitment {item.Subject} carries {MoneyText.Usd(item.Difference)} of change orders not approved in the project system: approve them there or take them off the PO.";
        // The note states the gap as a positive amount; that amount is a figure too, so the numeric firewall can check it.
        figures = [.. figures, Figure.Usd("note_amount", Math.Abs(item.Difference), Tool, Sources(item.Records))];
        var payload = ActionPayloadJson.ToJson(new ChangeOrderNotePayload(item.Subject, side, text));
        return new ProposalDraft("financial", ChangeOrderNotePayload.Kind, $"Note: mirror the change order on {item.Subject} in the {side} system", RiskClass.Routine,
            key, payload, figures, text, ["text"], FindingKey: findingKey);
    }
}
