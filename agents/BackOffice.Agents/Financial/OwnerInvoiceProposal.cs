using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Collections;
using BackOffice.Tools.PayApps;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A pay application with no invoice in the ledger (issue 16): the owner invoice for its current payment due, with the
/// G702 figures as the pay application states them: line 4 (completed and stored to date), line 5 (retainage to date),
/// line 6 (line 4 less 5), line 7 (the prior application's line 6) and line 8 (current payment due). The invoice bills the
/// work of the period gross (line 8 plus this period's retainage) with that retainage withheld, so its total is line 8.
/// A period that releases retainage (line 5 falls) bills the release as its own line (issue 16, OwnerInvoiceTools). Dated at the period end and due as the customer's
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
        // Issue 16: a period whose G702 line 5 falls bills the released retainage as its own line.
        var bill = OwnerInvoiceTools.ForPeriod(payApp, prior);
        if (bill.WorkBilled < 0m)
        {
            // More released than line 8 pays: the application does not tie (PayAppTieOut's finding), nothing to invoice from it.
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
            Date(PaymentTermsTools.DueDate(payApp.PeriodEnd, analysis.Data.CustomerTerms.GetValueOrDefault(customer), analysis.Options.OwnerInvoiceDueDays)),
            MoneyText.Plain(bill.WorkBilled), MoneyText.Plain(bill.RetainageWithheld), MoneyText.Plain(payApp.AmountDue),
            $"Application for payment {payApp.Number}, period to {Date(payApp.PeriodEnd)}", bill.RetainageReleased == 0m ? null : MoneyText.Plain(bill.RetainageReleased));
        if (bill.RetainageReleased != 0m)
        {
            g702.Add(Figure.Usd("retainage_released", bill.RetainageReleased, nameof(OwnerInvoiceTools), source));
            g702.Add(Figure.Usd("g702_line_5_before", prior!.RetainageHeldToDate, "PayApp", new SourceRef("project", "project_pay_apps", prior.Id)));
        }

        var key = ProposalKeys.For("fin-oi-", new JsonObject { ["pay_app"] = payApp.Id, ["due"] = MoneyText.Plain(payApp.AmountDue) });
        return new ProposalDraft("financial", OwnerInvoicePayload.Kind, $"Invoice the owner {MoneyText.Usd(payApp.AmountDue)} for pay application {payApp.Number} of {payApp.JobId}",
            RiskClass.Money, key, ActionPayloadJson.ToJson(payload), g702, Narrative(payApp, prior, bill), ["doc_number", "txn_date", "due_date", "description"], FindingKey: findingKey);
    }

    private static string Narrative(PayApp payApp, PayApp? prior, OwnerInvoiceFigures bill) =>
        $"Pay application {payApp.Number} of this job is due {MoneyText.Usd(payApp.AmountDue)} (G702 line 8) and the ledger has no invoice for it. " +
        (bill.RetainageReleased == 0m
            ? $"Proposed: an owner invoice for {MoneyText.Usd(bill.WorkBilled)} of work billed less {MoneyText.Usd(bill.RetainageWithheld)} retainage."
            : $"Its retainage to date falls from {MoneyText.Usd(prior!.RetainageHeldToDate)} to {MoneyText.Usd(payApp.RetainageHeldToDate)} (G702 line 5). " +
              $"Proposed: an owner invoice for {MoneyText.Usd(bill.WorkBilled)} of work billed and {MoneyText.Usd(bill.RetainageReleased)} of retainage released.");
}
