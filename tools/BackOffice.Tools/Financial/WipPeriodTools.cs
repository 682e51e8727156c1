using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.Financial;

/// <summary>
/// One job's WIP for a period (issue 16): the figures to date, the prior closed period's figures, and this period's
/// share of each. Two presentations of a loss job are given side by side, labelled:
/// <list type="bullet">
/// <item><b>Full loss at once</b> (GAAP, ASC 605-35-25-46): gross profit to date is the whole anticipated loss as soon
/// as it is evident (<see cref="WipPeriodFigures.GrossProfitToDate"/>, with the provision for the loss on the work still
/// to do);</item>
/// <item><b>Percent-complete share</b>: gross profit to date is earned revenue less cost to date, i.e. only the share of
/// the loss the percent complete gives (not GAAP for a loss job; shown so the provision is visible).</item>
/// </list>
/// Every figure is a difference or sum of cent figures: no rounding happens here beyond the earned revenue of
/// <see cref="WipTools.Compute"/> (contract × unrounded cost ratio, to the cent) and the percent (two places, display).
/// </summary>
public sealed record WipPeriodLine(
    string JobId, WipPeriodFigures ToDate, WipPeriodFigures? Prior, decimal EstimateToComplete, decimal GrossProfitToDateShare,
    decimal OverUnderBilling, decimal PeriodRevenue, decimal PeriodCost, decimal PeriodGrossProfit, decimal PeriodGrossProfitShare,
    decimal PeriodBilled, decimal ContractChange, decimal EstimatedCostChange, decimal PercentChange, decimal OverUnderBillingChange)
{
    public bool IsLossJob => ToDate.EstimatedTotalCost > ToDate.Contract;
}

/// <summary>WIP by period arithmetic (issue 16). Pure: figures in, figures out.</summary>
public static class WipPeriodTools
{
    [Description("The WIP figures to date of one job, as a closed period stores them, from its cost-to-cost WIP line.")]
    public static WipPeriodFigures ToDate([Description("The job's cost-to-cost WIP line as of the period end")] WipLine line) => new(
        line.JobId, line.Contract, line.EstimatedTotalCost, line.CostToDate, line.PercentComplete, line.EarnedRevenue,
        line.BilledToDate, line.GrossProfitToDate, line.LossProvision);

    [Description("This period's WIP of one job: figures to date less the prior closed period's (revenue, cost, gross profit both ways, billings, change in contract, estimate, percent and over/under billing).")]
    public static WipPeriodLine Period(
        [Description("The job's figures to date at the end of this period")] WipPeriodFigures toDate,
        [Description("The job's figures stored when the prior period was closed; null when there is none (a new job or no closed period)")] WipPeriodFigures? prior)
    {
        var before = prior ?? Empty(toDate.JobId);
        var shareToDate = toDate.EarnedRevenue - toDate.CostToDate;
        var shareBefore = before.EarnedRevenue - before.CostToDate;
        var overUnder = toDate.BilledToDate - toDate.EarnedRevenue;
        return new WipPeriodLine(
            toDate.JobId, toDate, prior, Math.Max(0m, toDate.EstimatedTotalCost - toDate.CostToDate), shareToDate, overUnder,
            toDate.EarnedRevenue - before.EarnedRevenue, toDate.CostToDate - before.CostToDate,
            toDate.GrossProfitToDate - before.GrossProfitToDate, shareToDate - shareBefore,
            toDate.BilledToDate - before.BilledToDate, toDate.Contract - before.Contract,
            toDate.EstimatedTotalCost - before.EstimatedTotalCost, toDate.PercentComplete - before.PercentComplete,
            overUnder - (before.BilledToDate - before.EarnedRevenue));
    }

    [Description("The company rollup of a period's WIP lines: every amount summed; the percent complete is total cost to date over total estimated cost, two places.")]
    public static WipPeriodLine Rollup(
        [Description("Row id of the rollup, e.g. company")] string id,
        [Description("This period's WIP lines of every job")] IReadOnlyList<WipPeriodLine> lines)
    {
        var toDate = Sum(id, lines.Select(l => l.ToDate).ToList());
        var priors = lines.Where(l => l.Prior is not null).Select(l => l.Prior!).ToList();
        return Period(toDate, priors.Count == 0 ? null : Sum(id, priors));
    }

    private static WipPeriodFigures Sum(string id, IReadOnlyList<WipPeriodFigures> figures)
    {
        var cost = figures.Sum(f => f.CostToDate);
        var estimate = figures.Sum(f => f.EstimatedTotalCost);
        return new WipPeriodFigures(
            id, figures.Sum(f => f.Contract), estimate, cost, WipTools.Percent(cost, estimate), figures.Sum(f => f.EarnedRevenue),
            figures.Sum(f => f.BilledToDate), figures.Sum(f => f.GrossProfitToDate), figures.Sum(f => f.LossProvision));
    }

    private static WipPeriodFigures Empty(string jobId) => new(jobId, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m);
}
