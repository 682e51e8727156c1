using System.ComponentModel;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Reconciliation;

/// <summary>The whole reconciliation worklist (issue 3): every check, in a stable order.</summary>
public static class ReconciliationTools
{
    [Description("Build the reconciliation worklist between the project system and the ledger: each mismatch with its category, both amounts, the difference and the records behind it.")]
    public static IReadOnlyList<WorklistItem> Worklist(
        [Description("Both sides of the books as of a date, with jobs and vendors resolved across systems")] ReconciliationInput input,
        [Description("How far amounts may differ and still agree, e.g. $50 or 2% whichever is less")] Tolerance tolerance)
    {
        var items = new List<WorklistItem>();
        items.AddRange(CommitmentReconciliation.Check(input, tolerance));
        items.AddRange(CommitmentReconciliation.CheckSubInvoiceBills(input, tolerance));
        items.AddRange(BillingReconciliation.Check(input, tolerance));
        items.AddRange(PaymentTools.UnappliedPayments(input.Payments, input.AsOf).Select(p => new WorklistItem(
            WorklistCategory.PaymentUnapplied, p.Id, input.ProjectJobOf(p.CustomerId), null, p.Unapplied,
            $"payment {p.Reference ?? p.Id} of {p.TxnDate:yyyy-MM-dd} has {p.Unapplied:0.00} not applied to any invoice",
            [new RecordRef("ledger", "ledger_payments", p.Id)])));
        items.AddRange(CostReconciliation.Check(input));
        return items.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
    }
}
