using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A reconciliation finding's title as a sentence a controller reads (issue 17): "cmt-101-02 is not in the ledger
/// (Smith Residence - Kitchen)", which the console, CLI, API and digest show as "Commitment SC-101-02 with Brightline
/// Electric Inc. is not in the ledger (...)". The title used to be the category's key then the subject
/// ("commitment not in ledger: cmt-101-02"), which repeated a word once the id read as its record ("commitment not in
/// ledger: commitment SC-101-02 ..."). Ids the display resolves (commitments, bills, journal lines, payments) stay ids
/// here; a pay application or sub invoice, which it does not, is named by its number.
/// </summary>
internal static class ReconciliationTitles
{
    public static string Of(WorklistItem item, FinancialAnalysis analysis)
    {
        var data = analysis.Data;
        var job = data.Jobs.TryGetValue(item.JobId, out var j) ? j.Name : item.JobId;
        var s = item.Subject;
        var sentence = item.Category switch
        {
            WorklistCategory.CommitmentNotInLedger => $"{s} is not in the ledger",
            WorklistCategory.CommitmentAmountDiffers => $"{s} differs in amount from its ledger purchase order",
            WorklistCategory.ChangeOrderMissingInLedger => $"{s} has a change order missing from its ledger purchase order",
            WorklistCategory.ChangeOrderLedgerOnly => $"{s} has a change order only on its ledger purchase order",
            WorklistCategory.SubInvoiceBillDiffers => $"Sub invoice {SubInvoice(data, s)} differs from its ledger bill",
            WorklistCategory.SubInvoiceRetainageDiffers => $"Sub invoice {SubInvoice(data, s)} holds different retainage from its ledger bill",
            WorklistCategory.PayAppNotInvoiced => $"Pay application {PayApp(data, s)} is not invoiced in the ledger",
            WorklistCategory.PayAppAmountDiffers => $"Pay application {PayApp(data, s)} differs in amount from its ledger invoice",
            // The subject is the job itself, which the title names in brackets.
            WorklistCategory.RetainageCarriedDifferently => "Retainage receivable is carried differently in the ledger",
            WorklistCategory.PaymentUnapplied => $"{s} is not applied to an invoice",
            WorklistCategory.CostOnClosedJob => $"{s} is posted to a closed job",
            WorklistCategory.CostCodeAccountMismatch => $"{s} is on an account its cost code does not map to",
            WorklistCategory.DuplicateBill => $"{s} duplicates another bill",
            _ => $"{item.Category.Replace('-', ' ')}: {s}",
        };
        return sentence + (job.Length > 0 ? $" ({job})" : "");
    }

    private static string SubInvoice(FinancialData data, string id) => data.SubInvoices.FirstOrDefault(i => i.Id == id)?.Number ?? id;

    private static string PayApp(FinancialData data, string id) => data.Books.PayApps.FirstOrDefault(p => p.Id == id)?.Number ?? id;
}
