using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial;

/// <summary>
/// The reconciliation worklist as findings (issue 3): one per item, with both amounts, the difference and the records
/// behind it. A mis-coded cost also gets a reclass journal entry proposal.
/// </summary>
internal static class ReconciliationCheck
{
    public const string Check = "reconciliation";
    private const string Tool = nameof(ReconciliationTools) + "." + nameof(ReconciliationTools.Worklist);

    /// <param name="scope">Issue 18: on the per-vendor path, only the scope's commitments and sub invoices are reconciled
    /// against the bills (which were read for its vendors only); null: every one.</param>
    public static CheckResult Run(FinancialAnalysis analysis, Tolerance tolerance, IReadOnlySet<string>? notedChangeOrders = null, VendorScope? scope = null)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var input = scope is null ? analysis.ReconciliationInput() : scope.Narrow(analysis.ReconciliationInput());
        var items = Traced(Tool, () => ReconciliationTools.Worklist(input, tolerance));
        foreach (var item in items)
        {
            var key = $"financial:{Check}:{item.Key}";
            var figures = Figures(item);
            var narrative = Narrative(item, tolerance);
            findings.Add(new Finding(key, "financial", Check, SeverityOf(item), ReconciliationTitles.Of(item, analysis), figures, narrative));
            if (item.Category == WorklistCategory.CostCodeAccountMismatch
                && ReclassProposal.For(item, input, analysis.AsOf, figures, key) is { } reclass)
            {
                proposals.Add(reclass);
            }

            // Issue 16: a pay application with no invoice gets its owner invoice for G702 line 8.
            if (OwnerInvoiceProposal.For(item, analysis, figures, key) is { } invoice)
            {
                proposals.Add(invoice);
            }

            if (ChangeOrderNoteProposal.For(item, figures, key, notedChangeOrders ?? new HashSet<string>()) is { } note)
            {
                proposals.Add(note);
            }
        }

        return CheckResult.Of(findings, proposals);
    }

    private static List<Figure> Figures(WorklistItem item)
    {
        var sources = Sources(item.Records);
        var figures = new List<Figure>();
        if (item.ProjectAmount is { } project)
        {
            figures.Add(Figure.Usd("project_amount", project, Tool, [.. sources.Where(s => s.System == "project")]));
        }

        if (item.LedgerAmount is { } ledger)
        {
            figures.Add(Figure.Usd("ledger_amount", ledger, Tool, [.. sources.Where(s => s.System == "ledger")]));
        }

        figures.Add(Figure.Usd("difference", item.Difference, Tool, sources));
        return figures;
    }

    private static Severity SeverityOf(WorklistItem item) => item.Category switch
    {
        WorklistCategory.DuplicateBill or WorklistCategory.CostOnClosedJob => Severity.Critical,
        WorklistCategory.CommitmentNotInLedger or WorklistCategory.PaymentUnapplied => Severity.Info,
        _ => Severity.Warning,
    };

    /// <summary>Written only from the item's own computed figures and record ids (the numeric firewall's template).</summary>
    private static string Narrative(WorklistItem item, Tolerance tolerance)
    {
        var amounts = $"Project side {(item.ProjectAmount is { } p ? MoneyText.Usd(p) : "none")}, ledger side " +
            $"{(item.LedgerAmount is { } l ? MoneyText.Usd(l) : "none")}, difference {MoneyText.Usd(item.Difference)}.";
        var action = item.Category switch
        {
            WorklistCategory.ChangeOrderMissingInLedger => " Mirror the change order onto the ledger's purchase order; a note to do so is proposed.",
            WorklistCategory.ChangeOrderLedgerOnly => " Approve the change order in the project system, or take it off the purchase order.",
            WorklistCategory.PaymentUnapplied => " Apply it to the invoice it pays before anyone chases that invoice.",
            WorklistCategory.CostCodeAccountMismatch => " A reclass journal entry is proposed.",
            WorklistCategory.DuplicateBill => " Void the copy before it is paid twice.",
            _ => "",
        };
        var rule = item.ProjectAmount is not null && item.LedgerAmount is not null ? $" Amounts count as agreeing within {tolerance.Describe()}." : "";
        return $"{char.ToUpperInvariant(item.Detail[0])}{item.Detail[1..]}. {amounts}{rule}{action}";
    }
}
