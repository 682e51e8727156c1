using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Reconciliation;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report reconciliation`: the worklist, one row per mismatch between the project side and the ledger.</summary>
public sealed class ReconciliationReport(FinancialOptions options) : IReport
{
    public string Name => "reconciliation";

    public string Description => $"Reconciliation worklist: project side vs ledger, amounts agree within {Tolerance.Default.Describe()}";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var job = await ReportCells.JobIdAsync(request, cancellationToken);
        var rows = ReconciliationTools.Worklist(analysis.ReconciliationInput(), Tolerance.Default)
            .Where(i => job is null || i.JobId == job)
            .Select(i => new JsonObject
            {
                ["id"] = i.Key,
                ["category"] = i.Category,
                ["job"] = i.JobId,
                ["subject"] = i.Subject,
                ["projectAmount"] = ReportCells.Usd(i.ProjectAmount),
                ["ledgerAmount"] = ReportCells.Usd(i.LedgerAmount),
                ["difference"] = ReportCells.Usd(i.Difference),
                ["records"] = string.Join(" ", i.Records.Select(r => $"{r.Table}:{r.Id}")),
                ["detail"] = i.Detail,
            }).ToList();
        return new ReportTable(ReportCells.Title("Reconciliation worklist", request),
            ["category", "job", "subject", "projectAmount", "ledgerAmount", "difference", "detail"], rows);
    }
}
