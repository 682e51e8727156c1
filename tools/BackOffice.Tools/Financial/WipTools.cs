using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Financial;

/// <param name="Contract">Contract value with approved change orders.</param>
/// <param name="EstimatedTotalCost">Estimate at completion (whichever labelled method the caller chose).</param>
/// <param name="BilledToDate">Gross billings to date (before retainage withheld).</param>
public sealed record WipInput(string JobId, decimal Contract, decimal EstimatedTotalCost, decimal CostToDate, decimal BilledToDate);

/// <summary>
/// One WIP schedule row by the cost-to-cost method. <paramref name="PercentComplete"/> is a percentage rounded to
/// two places for display; <paramref name="EarnedRevenue"/> is computed from the unrounded ratio and rounded to the cent.
/// <paramref name="LossProvision"/> is the extra cost recognized now so that gross profit to date equals the whole
/// projected loss (ASC 605-35-25-46/47).
/// </summary>
public sealed record WipLine(
    string JobId, decimal Contract, decimal EstimatedTotalCost, decimal CostToDate, decimal PercentComplete, decimal EarnedRevenue,
    decimal BilledToDate, decimal OverBilling, decimal UnderBilling, decimal EstimatedGrossProfit, decimal GrossProfitToDate,
    decimal LossProvision)
{
    public bool IsLossJob => EstimatedGrossProfit < 0m;
}

/// <summary>Margin at completion, and the same with pending change orders as a what-if (issue 3).</summary>
public sealed record MarginAtCompletion(
    string JobId, decimal Contract, decimal EstimatedTotalCost, decimal Margin, decimal MarginPercent,
    decimal PendingRevenue, decimal PendingCost, decimal MarginWithPending, decimal MarginPercentWithPending);

/// <summary>Work-in-progress schedule arithmetic (issue 3). Pure: figures in, figures out.</summary>
[ToolAccess(ToolAccess.Read)]
public static class WipTools
{
    [Description("Compute a WIP schedule row by the cost-to-cost percentage-of-completion method, recognizing the whole loss on a job projected to lose money.")]
    public static WipLine Compute([Description("Contract, estimated total cost, cost to date and billings to date of one job")] WipInput job)
    {
        // Cost can run past the estimate before the estimate is revised; the job is then at least as far along as its cost says.
        var estimate = Math.Max(job.EstimatedTotalCost, job.CostToDate);
        var ratio = estimate == 0m ? 0m : job.CostToDate / estimate;
        var earned = MoneyMath.RoundToCent(job.Contract * ratio);
        var estimatedProfit = job.Contract - estimate;
        var profitByPercent = earned - job.CostToDate;
        var provision = estimatedProfit < 0m ? profitByPercent - estimatedProfit : 0m;
        var billingPosition = job.BilledToDate - earned;
        return new WipLine(
            job.JobId, job.Contract, estimate, job.CostToDate, Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero), earned,
            job.BilledToDate, Math.Max(billingPosition, 0m), Math.Max(-billingPosition, 0m), estimatedProfit,
            profitByPercent - provision, provision);
    }

    [Description("Margin at completion of one job, and the same margin if the pending change orders were approved.")]
    public static MarginAtCompletion Margin(
        [Description("Job id")] string jobId,
        [Description("Contract value with approved change orders, in dollars")] decimal contract,
        [Description("Estimated total cost at completion, in dollars")] decimal estimatedTotalCost,
        [Description("Sum of pending owner (prime) change orders, in dollars")] decimal pendingRevenue,
        [Description("Sum of pending cost: commitment change orders not yet approved, in dollars")] decimal pendingCost)
    {
        var margin = contract - estimatedTotalCost;
        var withPending = margin + pendingRevenue - pendingCost;
        return new MarginAtCompletion(jobId, contract, estimatedTotalCost, margin, Percent(margin, contract),
            pendingRevenue, pendingCost, withPending, Percent(withPending, contract + pendingRevenue));
    }

    /// <summary>A share of a base as a percentage rounded to two places, half away from zero; zero when the base is zero.</summary>
    public static decimal Percent(decimal part, decimal whole) =>
        whole == 0m ? 0m : Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
}
