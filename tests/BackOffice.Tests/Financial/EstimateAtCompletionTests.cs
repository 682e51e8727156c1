using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>Formulas of the PMI PMBOK Guide, 6th edition, section 7.4.2.2 (EAC = BAC / CPI; EAC = AC + bottom-up ETC).</summary>
public sealed class EstimateAtCompletionTests
{
    [Fact]
    public void BudgetOverCpi_OverspentProject_ScalesBudgetByCostPerformance()
    {
        // BAC 100,000; 40% done (EV 40,000) for 50,000 spent: CPI 0.8, EAC 125,000.
        var eac = EstimateAtCompletion.BudgetOverCpi(100_000m, 40_000m, 50_000m);
        Assert.Equal((EacMethod.BudgetOverCpi, 125_000m, "BAC / CPI"), (eac!.Method, eac.EstimateAtCompletion, eac.Label));
    }

    [Theory]
    [InlineData(0, 50000)]
    [InlineData(40000, 0)]
    public void BudgetOverCpi_NoEarnedValueOrNoCost_IsUndefined(decimal earnedValue, decimal actual) =>
        Assert.Null(EstimateAtCompletion.BudgetOverCpi(100_000m, earnedValue, actual));

    [Fact]
    public void BudgetOverCpi_RoundsOnlyTheResult_ToTheCent() =>
        // 1,000 × 1,000 / 3,000 = 333.333... -> 333.33.
        Assert.Equal(333.33m, EstimateAtCompletion.BudgetOverCpi(1_000m, 3_000m, 1_000m)!.EstimateAtCompletion);

    [Fact]
    public void ActualPlusEtc_AddsEstimateToComplete() =>
        Assert.Equal(110_000m, EstimateAtCompletion.ActualPlusEtc(50_000m, 60_000m).EstimateAtCompletion);

    [Fact]
    public void PmForecast_LineWithoutForecast_CountsAtRevisedBudget() =>
        Assert.Equal(22_350m + 4_400m, EstimateAtCompletion.PmForecast([(22_350m, null), (4_200m, 4_400m)]).EstimateAtCompletion);
}
