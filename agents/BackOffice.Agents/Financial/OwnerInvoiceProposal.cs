using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Collections;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A pay application with no invoice in the ledger (issue 16): the owner invoice for its current payment due, with the
/// G702 figures as the pay application states them: line 4 (completed and stored to date), line 5 (retainage to date),
/// line 6 (line 4 less 5), line 7 (the prior application's line 6) and line 8 (current payment due). The invoice bills the
/// work of the period gross (line 8 plus this period's retainage) with that retainage withheld, so its total is line 8.
/// A period that releases retainage (line 5 falls) is left to a person. Dated at the period end and due as the customer's
/// payment term says (its own or its parent's; issue 16), else `Agents:financial:OwnerInvoiceDueDays` later (30; edit it).
/// </summary>
internal static class OwnerInvoiceProposal
{
    public static ProposalDraft? For(WorklistItem item, FinancialAnalysis analysis, IReadOnlyList<Figure> figures, string findingKey)
    {
        var payApps = analysis.Data.Books.PayApps;
        if (item.Category != WorklistCategory.PayAppNotInvoiced || payApps.FirstOrDefault(p => p.Id == item.Subject) is not { AmountDue: > 0m } payApp
            || !analysis.JobMap.TryGetValue(payApp.JobId, out var customer))
        {
            return null;
        }

        var prior = payApps.Where(p => p.JobId == payApp.JobId && p.PeriodEnd < payApp.PeriodEnd).MaxBy(p => p.PeriodEnd);
        var line4 = payApp.WorkCompletedToDate + payApp.StoredMaterials;
        var line7 = prior is null ? 0m : prior.WorkCompletedToDate + prior.StoredMaterials - prior.RetainageHeldToDate;
        var retainage = payApp.RetainageHeldToDate - (prior?.RetainageHeldToDate ?? 0m);
        if (retainage < 0m)
        {
            return null;
        }

        var source = new SourceRef("project", "project_pay_apps", payApp.Id);
        var g702 = new List<Figure>(figures)
        {
            Figure.Usd("g702_line_4", line4, "PayApp", source),
            Figure.Usd("g702_line_5", payApp.RetainageHeldToDate, "PayApp", source),
            Figure.Usd("g702_line_6", line4 - payApp.RetainageHeldToDate, "PayApp", source),
            Figure.Usd("g702_line_7", line7, "PayApp", source),
            Figure.Usd("g702_line_8", payApp.AmountDue, "PayApp", source),
        };
        var payload = new OwnerInvoicePayload(payApp.Id, payApp.JobId, customer, $"PA-{payApp.JobId}-{payApp.Number}", Date(payApp.PeriodEnd),
            Date(PaymentTermsTools.DueDate(payApp.PeriodEnd, analysis.Data.CustomerTerms.GetValueOrDefault(customer), analysis.Options.OwnerInvoiceDueDays)), MoneyText.Plain(payApp.AmountDue + retainage), MoneyText.Plain(retainage), MoneyText.Plain(payApp.AmountDue),
            $"Application for payment {payApp.Number}, period to {Date(payApp.PeriodEnd)}");
        var narrative = $"Pay application {payApp.Number} of this job is due {MoneyText.Usd(payApp.AmountDue)} (G702 line 8) and the ledger has no invoice for it. " +
                        $"Proposed: an owner invoice for {MoneyText.Usd(payApp.AmountDue + retainage)} of work billed less {MoneyText.Usd(retainage)} retainage.";
        var key = ProposalKeys.For("fin-oi-", new JsonObject { ["pay_app"] = payApp.Id, ["due"] = MoneyText.Plain(payApp.AmountDue) });
        return new ProposalDraft("financial", OwnerInvoicePayload.Kind, $"Invoice the owner {MoneyText.Usd(payApp.AmountDue)} for pay application {payApp.Number} of {payApp.JobId}",
            RiskClass.Money, key, ActionPayloadJson.ToJson(payload), g702, narrative, ["doc_number", "txn_date", "due_date", "description"], FindingKey: findingKey);
    }
}
