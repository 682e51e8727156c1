using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A journal entry that moves a mis-coded cost to the account its cost code maps to (issue 3): debit the mapped
/// account, credit the account it was posted to, same job. The memo names the line it corrects, which is how a later
/// sweep knows the line has been reclassed. The key leaves out the date, so a sweep on another day proposes nothing new.
/// </summary>
internal static class ReclassProposal
{
    public static ProposalDraft? For(WorklistItem item, ReconciliationInput input, DateOnly asOf, IReadOnlyList<Figure> figures, string findingKey)
    {
        var posting = input.Postings.FirstOrDefault(p => p.SourceId == item.Subject);
        if (posting?.CostCode is null || !input.CostCodeAccounts.TryGetValue(posting.CostCode, out var mapped))
        {
            return null;
        }

        var amount = Math.Abs(posting.Amount);
        var (to, from) = posting.Amount >= 0m ? ("Debit", "Credit") : ("Credit", "Debit");
        var memo = BackOffice.Store.Financial.ReclassEntryStore.Memo(posting.SourceId, $"cost code {posting.CostCode} belongs on {mapped}");
        var payload = ActionPayloadJson.ToJson(new ReclassPayload(Date(asOf), memo, posting.SourceId,
            [new(mapped, to, MoneyText.Plain(amount), posting.CustomerId, memo), new(posting.AccountId, from, MoneyText.Plain(amount), posting.CustomerId, memo)]));
        var narrative = $"{MoneyText.Usd(amount)} with cost code {posting.CostCode} was posted to {posting.AccountId} on {Date(posting.TxnDate)}; " +
            $"the cost code maps to {mapped}. Proposed: a journal entry moving {MoneyText.Usd(amount)} from {posting.AccountId} to {mapped} on the same job.";
        return new ProposalDraft("financial", ReclassPayload.Kind, $"Reclass {MoneyText.Usd(amount)} of {posting.CostCode} to {mapped}", RiskClass.Money,
            ProposalKeys.For("fin-rc-", new JsonObject { ["line"] = posting.SourceId, ["to"] = mapped, ["amount"] = MoneyText.Plain(posting.Amount) }), payload, figures, narrative, ["txn_date", "memo"], FindingKey: findingKey);
    }
}
