using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Financial;

/// <summary>Which documented method produced an estimate at completion; shown beside every EAC (issue 3).</summary>
public enum EacMethod
{
    /// <summary>The project manager's own forecast from the budget (budget lines without one fall back to the revised budget).</summary>
    PmForecast,

    /// <summary>Actual cost plus a bottom-up estimate to complete.</summary>
    ActualPlusEstimateToComplete,

    /// <summary>Budget at completion divided by the cost performance index (EV / AC).</summary>
    BudgetOverCpi,
}

public sealed record EacResult(EacMethod Method, decimal EstimateAtCompletion, string Label);

/// <summary>The estimate-at-completion formulas of the PMI PMBOK Guide (6th ed., section 7.4.2.2), labelled.</summary>
public static class EstimateAtCompletion
{
    [Description("Estimate at completion from the project manager's forecast per budget line; a line without a forecast counts at its revised budget.")]
    public static EacResult PmForecast(
        [Description("Per budget line: revised budget and the PM's forecast (null when none), in dollars")] IReadOnlyList<(decimal Revised, decimal? Forecast)> lines) =>
        new(EacMethod.PmForecast, lines.Sum(l => l.Forecast ?? l.Revised), "PM forecast");

    [Description("Estimate at completion as actual cost plus estimate to complete (AC + ETC).")]
    public static EacResult ActualPlusEtc(
        [Description("Actual cost to date, in dollars")] decimal actualCost,
        [Description("Estimate to complete, in dollars")] decimal estimateToComplete) =>
        new(EacMethod.ActualPlusEstimateToComplete, actualCost + estimateToComplete, "AC + ETC");

    /// <summary>Null when there is no actual cost or no earned value yet: the index is undefined, so there is nothing to say.</summary>
    [Description("Estimate at completion as budget at completion divided by the cost performance index (BAC / CPI, CPI = EV / AC).")]
    public static EacResult? BudgetOverCpi(
        [Description("Budget at completion, in dollars")] decimal budgetAtCompletion,
        [Description("Earned value: budget at completion times physical percent complete, in dollars")] decimal earnedValue,
        [Description("Actual cost to date, in dollars")] decimal actualCost)
    {
        if (earnedValue <= 0m || actualCost <= 0m)
        {
            return null;
        }

        // BAC / (EV / AC) = BAC × AC / EV, computed that way round so the index is never rounded before use.
        return new(EacMethod.BudgetOverCpi, MoneyMath.RoundToCent(budgetAtCompletion * actualCost / earnedValue), "BAC / CPI");
    }
}
