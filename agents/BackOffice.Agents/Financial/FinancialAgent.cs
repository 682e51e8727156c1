using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Reconciles the project side to the books. Issue 2 gives it its first check (approved subcontractor
/// invoices with no bill); issue 3 adds the rest of the reconciliation, variance, WIP and cash.
/// </summary>
public sealed class FinancialAgent : IAgent
{
    public string Name => "financial";

    public string Department => "finance";

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        var data = await FinancialData.LoadAsync(new ProjectStore(context.TenantDatabasePath), new LedgerStore(context.TenantDatabasePath), cancellationToken);
        context.Progress.Report($"financial: {data.SubInvoices.Count} sub invoices, {data.Bills.Count} ledger bills");
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        // Issue 4: GL choices a finance lead made on earlier bills (vendor + cost code), learned from executed edits.
        var learned = context.Memory is null ? [] : await context.Memory.ListAsync(BackOffice.Domain.Memory.MemoryKinds.GlChoice, cancellationToken);
        SubInvoiceWithoutBillCheck.Run(data, findings, proposals, learned);
        return new SweepResult(findings, proposals);
    }
}
