using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report variance`: budget vs committed vs actual per job and cost code, with the 5/10/15% flags.</summary>
public sealed class VarianceReport(FinancialOptions options) : IReport
{
    public string Name => "variance";

    public string Description => "Budget variance per job and cost code: revised budget, committed, actual, EAC, flags at 5/10/15% and >90% committed";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var rows = analysis.Variance(await ReportCells.JobIdAsync(request, cancellationToken), VarianceOptions.Default).Select(r => new JsonObject
        {
            ["id"] = $"{r.Line.JobId}:{r.Line.CostCode}",
            ["job"] = r.JobName,
            ["costCode"] = r.Line.CostCode,
            ["revisedBudget"] = ReportCells.Usd(r.Line.RevisedBudget),
            ["committed"] = ReportCells.Usd(r.Line.Committed),
            ["actual"] = ReportCells.Usd(r.Line.Actual),
            ["estimateAtCompletion"] = ReportCells.Usd(r.Line.EstimateAtCompletion),
            ["eacBasis"] = r.Line.EacBasis,
            ["variance"] = ReportCells.Usd(r.Line.Variance),
            ["overrunPercent"] = ReportCells.Percent(r.Line.OverrunPercent),
            ["flag"] = r.Line.CostCode == FinancialAnalysis.Uncoded ? "cost without a cost code" : r.Line.FlagThreshold is { } t ? $">={t:0.##}%" : "",
            ["committedPercent"] = ReportCells.Percent(r.Line.CommittedPercent),
            ["over90Committed"] = r.Line.CommitmentWarning,
        }).ToList();
        return new ReportTable(ReportCells.Title("Budget variance", request),
            ["job", "costCode", "revisedBudget", "committed", "actual", "estimateAtCompletion", "eacBasis", "variance", "overrunPercent", "flag", "committedPercent"], rows);
    }
}
