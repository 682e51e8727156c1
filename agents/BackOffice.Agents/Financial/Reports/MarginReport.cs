using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report margin`: margin at completion per job, with pending change orders as a what-if, and every EAC method labelled.</summary>
// Issue 3: the same cost loading (labor burden, overhead) as the agent, so report and findings agree.
public sealed class MarginReport(FinancialOptions options) : IReport
{
    public string Name => "margin";

    public string Description => "Margin at completion per job, with pending change orders as a what-if; EAC by PM forecast, AC + ETC and BAC / CPI";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var rows = analysis.Wip(await ReportCells.JobIdAsync(request, cancellationToken)).Select(r => new JsonObject
        {
            ["id"] = r.Job.JobId,
            ["job"] = r.Job.Name,
            ["contract"] = ReportCells.Usd(r.Margin?.Contract),
            ["eacPmForecast"] = ReportCells.Usd(Eac(r, EacMethod.PmForecast)),
            ["eacAcPlusEtc"] = ReportCells.Usd(Eac(r, EacMethod.ActualPlusEstimateToComplete)),
            ["eacBacOverCpi"] = ReportCells.Usd(Eac(r, EacMethod.BudgetOverCpi)),
            ["margin"] = ReportCells.Usd(r.Margin?.Margin),
            ["marginPercent"] = r.Margin is { } m ? ReportCells.Percent(m.MarginPercent) : null,
            ["pendingRevenue"] = ReportCells.Usd(r.Margin?.PendingRevenue),
            ["pendingCost"] = ReportCells.Usd(r.Margin?.PendingCost),
            ["marginWithPending"] = ReportCells.Usd(r.Margin?.MarginWithPending),
            ["marginPercentWithPending"] = r.Margin is { } p ? ReportCells.Percent(p.MarginPercentWithPending) : null,
            ["note"] = r.Problem ?? "margin uses the PM forecast",
        }).ToList();
        return new ReportTable(ReportCells.Title("Margin at completion", request),
            ["job", "contract", "eacPmForecast", "eacAcPlusEtc", "eacBacOverCpi", "margin", "marginPercent", "marginWithPending", "marginPercentWithPending"], rows);
    }

    private static decimal? Eac(JobWip row, EacMethod method) => row.Estimates.FirstOrDefault(e => e.Method == method)?.EstimateAtCompletion;
}
