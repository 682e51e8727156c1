using System.ComponentModel;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Financial;

/// <param name="Committed">Approved commitment lines plus approved commitment change orders on this cost code.</param>
/// <param name="Actual">Cost posted in the ledger to this job and cost code.</param>
public sealed record VarianceInput(string JobId, string CostCode, decimal Original, decimal ApprovedChanges, decimal Committed, decimal Actual, decimal? PmForecast);

/// <param name="Variance">Revised budget minus estimate at completion: negative is an overrun.</param>
/// <param name="OverrunPercent">Overrun as a percentage of the revised budget (0 when under budget), two places.</param>
/// <param name="FlagLevel">How many thresholds the overrun reached: 0 none, 1 = the first (5%), ...</param>
/// <param name="CommittedPercent">Committed as a percentage of the revised budget, two places.</param>
public sealed record VarianceLine(
    string JobId, string CostCode, decimal RevisedBudget, decimal Committed, decimal Actual, decimal EstimateAtCompletion, string EacBasis,
    decimal Variance, decimal OverrunPercent, int FlagLevel, decimal? FlagThreshold, decimal CommittedPercent, bool CommitmentWarning);

/// <summary>Thresholds in percent of the revised budget, ascending; commitments above <paramref name="CommitmentWarnPercent"/> are flagged.</summary>
public sealed record VarianceOptions(IReadOnlyList<decimal> ThresholdsPercent, decimal CommitmentWarnPercent)
{
    public static VarianceOptions Default { get; } = new([5m, 10m, 15m], 90m);
}

/// <summary>Budget vs committed vs actual per job and cost code (issue 3).</summary>
[ToolAccess(ToolAccess.Read)]
public static class VarianceTools
{
    [Description("Budget variance of one job cost code: revised budget, committed, actual, estimate at completion, variance and threshold flags.")]
    public static VarianceLine Compute(
        [Description("Budget, committed, actual and PM forecast of one job cost code, in dollars")] VarianceInput line,
        [Description("Flag thresholds in percent of revised budget and the commitment warning percent")] VarianceOptions options)
    {
        var revised = line.Original + line.ApprovedChanges;
        // A line cannot finish below what is already committed or spent, whatever the forecast says.
        var forecast = line.PmForecast ?? revised;
        var eac = Math.Max(forecast, Math.Max(line.Committed, line.Actual));
        var basis = eac == forecast ? (line.PmForecast is null ? "revised budget" : "PM forecast") : eac == line.Committed ? "committed" : "actual";
        var variance = revised - eac;
        var overrun = variance < 0m ? OverrunPercent(-variance, revised) : 0m;
        // Thresholds compare the exact overrun, not the rounded percentage: 4.9999% has not reached 5%.
        var reached = options.ThresholdsPercent.Where(t => variance < 0m && (revised <= 0m || -variance * 100m >= t * revised)).ToList();
        var committedPercent = WipTools.Percent(line.Committed, revised);
        return new VarianceLine(
            line.JobId, line.CostCode, revised, line.Committed, line.Actual, eac, basis, variance, overrun, reached.Count,
            reached.Count == 0 ? null : reached[^1], committedPercent,
            revised > 0m ? line.Committed > revised * options.CommitmentWarnPercent / 100m : line.Committed > 0m);
    }

    /// <summary>An overrun with no budget at all is infinitely over; it is reported as 100% so it reaches every threshold.</summary>
    private static decimal OverrunPercent(decimal overrun, decimal revised) => revised <= 0m ? 100m : WipTools.Percent(overrun, revised);
}
