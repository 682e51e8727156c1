using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report wip`: the WIP schedule by cost-to-cost, estimate at completion by the PM's forecast.</summary>
// Issue 3: the same cost loading (labor burden, overhead) as the agent, so report and findings agree.
public sealed class WipReport(FinancialOptions options) : IReport
{
    public string Name => "wip";

    public string Description => "WIP schedule (cost-to-cost): contract, EAC (PM forecast), cost to date, % complete, earned revenue, billings, over/under billing, gross profit";

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var rows = analysis.Wip(ReportCells.JobId(analysis, request.Job)).Select(r => new JsonObject
        {
            ["id"] = r.Job.JobId,
            ["job"] = r.Job.Name,
            ["contract"] = ReportCells.Usd(r.Wip?.Contract),
            ["estimatedTotalCost"] = ReportCells.Usd(r.Wip?.EstimatedTotalCost),
            ["eacMethod"] = r.Estimates[0].Label,
            ["costToDate"] = ReportCells.Usd(r.Wip?.CostToDate),
            // Issue 16: the posted cost beside the loaded one, and the labor burden and overhead between them.
            ["rawCostToDate"] = ReportCells.Usd(r.RawCostToDate),
            ["costLoading"] = ReportCells.Usd(r.Wip is { } loaded && r.RawCostToDate is { } raw ? loaded.CostToDate - raw : null),
            ["percentComplete"] = r.Wip is { } w ? ReportCells.Percent(w.PercentComplete) : null,
            ["earnedRevenue"] = ReportCells.Usd(r.Wip?.EarnedRevenue),
            ["billedToDate"] = ReportCells.Usd(r.Wip?.BilledToDate),
            ["overBilling"] = ReportCells.Usd(r.Wip?.OverBilling),
            ["underBilling"] = ReportCells.Usd(r.Wip?.UnderBilling),
            ["grossProfitToDate"] = ReportCells.Usd(r.Wip?.GrossProfitToDate),
            ["lossProvision"] = ReportCells.Usd(r.Wip?.LossProvision),
            ["note"] = r.Problem ?? (r.Wip is { IsLossJob: true } ? "loss job: whole loss recognized" : ""),
        }).ToList();
        string[] cost = options.LoadsCost ? ["rawCostToDate", "costLoading", "costToDate"] : ["costToDate"];
        return new ReportTable(ReportCells.Title("WIP schedule", request),
            ["job", "contract", "estimatedTotalCost", .. cost, "percentComplete", "earnedRevenue", "billedToDate", "overBilling", "underBilling", "grossProfitToDate", "note"], rows);
    }
}
