using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report wip`: the WIP schedule by cost-to-cost, estimate at completion by the PM's forecast.</summary>
// Issue 3: the same cost loading (labor burden, overhead) as the agent, so report and findings agree.
public sealed class WipReport(FinancialOptions options) : IReport
{
    public string Name => "wip";

    public string Description => "WIP schedule (cost-to-cost): contract, EAC (PM forecast), cost to date, % complete, earned revenue, billings, over/under billing, gross profit";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var rows = analysis.Wip(await ReportCells.JobIdAsync(request, cancellationToken)).Select(r => Row(r, Shown(r.Wip), options.WipPresentation.Label)).ToList();
        string[] cost = options.BurdenFromTimecards
            ? ["rawCostToDate", "timecardLabor", "timecardLaborBurdened", "fallbackLabor", "fallbackBurden", "costLoading", "costToDate"]
            : options.LoadsCost ? ["rawCostToDate", "costLoading", "costToDate"] : ["costToDate"];
        return new ReportTable(RoundingStatements.Titled(ReportCells.Title("WIP schedule", request) + $"; {options.WipPresentation.Label}", RoundingStatements.Wip),
            ["job", "contract", "estimatedTotalCost", .. cost, "percentComplete", "earnedRevenue", "billedToDate", "overBilling", "underBilling", "grossProfitToDate", "note"], rows);
    }

    /// <summary>Issue 16: the loss as configured (recognition, provision separate or netted into the billing position).</summary>
    private WipPresentedLine? Shown(WipLine? wip) =>
        wip is null ? null : WipPresentationTools.Present(WipPeriodTools.Period(WipPeriodTools.ToDate(wip), null), options.WipPresentation);

    private static JsonObject Row(JobWip r, WipPresentedLine? shown, string label) => new()
    {
        ["id"] = r.Job.JobId,
        ["job"] = r.Job.Name,
        ["contract"] = ReportCells.Usd(r.Wip?.Contract),
        ["estimatedTotalCost"] = ReportCells.Usd(r.Wip?.EstimatedTotalCost),
        ["eacMethod"] = r.Estimates[0].Label,
        ["costToDate"] = ReportCells.Usd(r.Wip?.CostToDate),
        // Issue 16: the posted cost beside the loaded one, and the labor burden and overhead between them.
        ["rawCostToDate"] = ReportCells.Usd(r.RawCostToDate),
        // Issue 16: per-employee burden: clocked labor at base and at burdened rates, the rest of the labor at the flat percent.
        ["timecardLabor"] = ReportCells.Usd(r.LaborBurden?.RawTimecardLabor),
        ["timecardLaborBurdened"] = ReportCells.Usd(r.LaborBurden?.BurdenedTimecardLabor),
        // Issue 16: of which the clocked overtime's premium above straight time, and the burden charged on that premium.
        ["overtimePremium"] = ReportCells.Usd(r.LaborBurden?.OvertimePremium),
        ["overtimePremiumBurden"] = ReportCells.Usd(r.LaborBurden?.OvertimePremiumBurden),
        ["fallbackLabor"] = ReportCells.Usd(r.LaborBurden?.FallbackLabor),
        ["fallbackBurden"] = ReportCells.Usd(r.LaborBurden?.FallbackBurden),
        ["costLoading"] = ReportCells.Usd(r.Wip is { } loaded && r.RawCostToDate is { } raw ? loaded.CostToDate - raw : null),
        ["percentComplete"] = r.Wip is { } w ? ReportCells.Percent(w.PercentComplete) : null,
        ["earnedRevenue"] = ReportCells.Usd(r.Wip?.EarnedRevenue),
        ["billedToDate"] = ReportCells.Usd(r.Wip?.BilledToDate),
        ["overBilling"] = ReportCells.Usd(shown is null ? null : Math.Max(shown.OverUnderBilling, 0m)),
        ["underBilling"] = ReportCells.Usd(shown is null ? null : Math.Max(-shown.OverUnderBilling, 0m)),
        ["grossProfitToDate"] = ReportCells.Usd(shown?.GrossProfitToDate),
        ["lossProvision"] = ReportCells.Usd(shown?.LossProvision),
        ["note"] = r.Problem ?? (r.Wip is { IsLossJob: true } ? $"loss job: {label}" : ""),
    };
}
