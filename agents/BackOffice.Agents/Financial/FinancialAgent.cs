using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Reconciles the project side to the books. Issue 2 gave it its first check (approved subcontractor invoices with
/// no bill); issue 3 adds cross-system link proposals, the reconciliation worklist, budget variance and loss jobs.
/// </summary>
public sealed class FinancialAgent(FinancialOptions options) : IAgent
{
    public string Name => "financial";

    public string Department => "finance";

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        var data = await FinancialData.LoadAsync(context.Data, cancellationToken);
        // Issue 4: links people confirmed for a record of the same name, where no explicit mapping speaks.
        if (context.Memory is not null)
        {
            data = RememberedLinks.Apply(data, await context.Memory.ListAsync(BackOffice.Domain.Memory.MemoryKinds.Link, cancellationToken));
        }

        context.Progress.Report($"financial: {data.SubInvoices.Count} sub invoices, {data.Bills.Count} ledger bills, {data.Books.Postings.Count} cost postings");
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        // Issue 4: GL choices a finance lead made on earlier bills (vendor + cost code), learned from executed edits.
        var learned = context.Memory is null ? [] : await context.Memory.ListAsync(BackOffice.Domain.Memory.MemoryKinds.GlChoice, cancellationToken);
        SubInvoiceWithoutBillCheck.Run(data, findings, proposals, learned);
        LinkCheck.Run(data, findings, proposals);
        var analysis = new FinancialAnalysis(data, context.AsOf, options);
        var noted = await context.Data.FinancialNotes.KeysAsync(cancellationToken);
        ReconciliationCheck.Run(analysis, Tolerance.Default, findings, proposals, noted);
        AnalysisChecks.Variance(analysis, VarianceOptions.Default, findings);
        AnalysisChecks.LossJobs(analysis, findings);
        AnalysisChecks.CostCodeMapping(analysis, findings);
        return new SweepResult(findings, proposals);
    }
}
