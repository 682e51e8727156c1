using BackOffice.Domain.Financial;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Figures;

/// <summary>WIP by period (issue 16) against /work/notes/figures.md section 4 (cost-to-cost percentage of completion).</summary>
public sealed class WipPeriodToolsTests
{
    private static WipPeriodFigures ToDate(decimal contract, decimal costToDate, decimal costToComplete, decimal billed, string job = "job") =>
        WipPeriodTools.ToDate(WipTools.Compute(new WipInput(job, contract, costToDate + costToComplete, costToDate, billed)));

    // Kieso Problem 18-11 "Nash Construction": inputs PUBLISHED (studyzin.com); the results are DERIVED in figures.md 4(e).
    private static readonly WipPeriodFigures Nash2017 = ToDate(1_890_000m, 312_900m, 1_177_100m, 300_000m);
    private static readonly WipPeriodFigures Nash2018 = ToDate(1_890_000m, 1_148_400m, 831_600m, 1_090_000m);
    private static readonly WipPeriodFigures Nash2019 = ToDate(1_890_000m, 2_076_000m, 0m, 1_850_000m);

    [Fact]
    public void Period_NashFirstYearWithoutPrior_IsTheFiguresToDate()
    {
        // DERIVED (figures.md 4(e)): 21.00%, revenue 396,900, gross profit 84,000; under billed 96,900.
        var year = WipPeriodTools.Period(Nash2017, null);

        Assert.Equal((21.00m, 396_900m, 312_900m, 84_000m), (Nash2017.PercentComplete, year.PeriodRevenue, year.PeriodCost, year.PeriodGrossProfit));
        Assert.Equal((-96_900m, 1_177_100m), (year.OverUnderBilling, year.EstimateToComplete));
    }

    [Fact]
    public void Period_NashSecondYearTurnsToLoss_RecognisesTheWholeLossAtOnceAndShowsTheShareBeside()
    {
        // DERIVED (figures.md 4(e)): total estimate 1,980,000, loss 90,000; 58% -> revenue to date 1,096,200, period
        // revenue 699,300, period cost 835,500, provision on the remaining work 37,800, 2018 gross profit -174,000.
        var year = WipPeriodTools.Period(Nash2018, Nash2017);

        Assert.Equal((58.00m, 1_096_200m, -90_000m, 37_800m), (Nash2018.PercentComplete, Nash2018.EarnedRevenue, Nash2018.GrossProfitToDate, Nash2018.LossProvision));
        Assert.Equal((699_300m, 835_500m, -174_000m), (year.PeriodRevenue, year.PeriodCost, year.PeriodGrossProfit));
        // Percent-complete share: 58% x -90,000 = -52,200 to date; this period -52,200 - 84,000 = -136,200 (figures.md: "-136,200").
        Assert.Equal((-52_200m, -136_200m), (year.GrossProfitToDateShare, year.PeriodGrossProfitShare));
        Assert.True(year.IsLossJob);
        Assert.Equal((490_000m, 37.00m), (year.EstimatedCostChange, year.PercentChange));
    }

    [Fact]
    public void Period_NashThirdYearComplete_RecognisesTheRestOfTheActualLoss()
    {
        // DERIVED (figures.md 4(e)): actual loss 186,000, so 2019 = -186,000 - (-90,000) = -96,000; under billed 40,000.
        var year = WipPeriodTools.Period(Nash2019, Nash2018);

        Assert.Equal((793_800m, 927_600m, -96_000m), (year.PeriodRevenue, year.PeriodCost, year.PeriodGrossProfit));
        Assert.Equal((0m, -40_000m, 0m), (Nash2019.LossProvision, year.OverUnderBilling, year.EstimateToComplete));
        // Both presentations agree once the job is complete: the whole loss is in gross profit to date.
        Assert.Equal(Nash2019.GrossProfitToDate, year.GrossProfitToDateShare);
    }

    [Fact]
    public void Period_IndianaCompanySecondYear_MatchesThePublishedRevenueAndLossInPeriod()
    {
        // PUBLISHED (Spiceland-style "Indiana Co.", homeworklib.com/article/142): price $164M; 2018 cost 39, to complete 81
        // -> revenue $53.3M; 2019 cost to date 105, to complete 51 -> revenue $57.08M, profit -$8.92M (in $ millions).
        var first = ToDate(164_000_000m, 39_000_000m, 81_000_000m, 0m);
        var second = WipPeriodTools.Period(ToDate(164_000_000m, 105_000_000m, 51_000_000m, 0m), first);

        Assert.Equal(53_300_000m, first.EarnedRevenue);
        Assert.Equal(57.08m, Math.Round(second.PeriodRevenue / 1_000_000m, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(-8.92m, Math.Round(second.PeriodGrossProfit / 1_000_000m, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(57_084_615.38m, second.PeriodRevenue); // DERIVED: 164M x 105/156 to the cent, less 53.3M
    }

    [Fact]
    public void ToDate_SuncoastUnprofitableContract_MatchesThePublishedEntry()
    {
        // PUBLISHED (Suncoast, indextestingapp.uonbi.ac.ke/preguntia/13370414): price 900,000; cost 380,000; to complete
        // 570,000 -> 40%, revenue 360,000; entry Dr construction expense 410,000 = cost 380,000 + provision 30,000.
        var figures = ToDate(900_000m, 380_000m, 570_000m, 0m);
        var line = WipPeriodTools.Period(figures, null);

        Assert.Equal((40.00m, 360_000m, 30_000m, -50_000m), (figures.PercentComplete, figures.EarnedRevenue, figures.LossProvision, figures.GrossProfitToDate));
        Assert.Equal(410_000m, figures.CostToDate + figures.LossProvision);
        Assert.Equal(-20_000m, line.GrossProfitToDateShare); // DERIVED: the percent-complete share, 40% x -50,000
    }

    [Fact]
    public void Rollup_TwoJobsOneWithoutPrior_SumsAmountsAndRecomputesThePercent()
    {
        // Howard Construction, PUBLISHED (brainmass.com 254066): $3,000,000; cost 990,000, to complete 810,000 -> 55%, revenue 1,650,000.
        var howard = ToDate(3_000_000m, 990_000m, 810_000m, 1_500_000m, "howard");
        Assert.Equal((55.00m, 1_650_000m), (howard.PercentComplete, howard.EarnedRevenue));
        var lines = new[] { WipPeriodTools.Period(Nash2018 with { JobId = "nash" }, Nash2017 with { JobId = "nash" }), WipPeriodTools.Period(howard, null) };

        var company = WipPeriodTools.Rollup("company", lines);

        // DERIVED: sums of the two rows; percent = 2,138,400 / 3,780,000 = 56.57%.
        Assert.Equal((4_890_000m, 2_138_400m, 2_746_200m, 2_590_000m), (company.ToDate.Contract, company.ToDate.CostToDate, company.ToDate.EarnedRevenue, company.ToDate.BilledToDate));
        Assert.Equal(56.57m, company.ToDate.PercentComplete);
        Assert.Equal(lines.Sum(l => l.PeriodRevenue), company.PeriodRevenue);
        Assert.Equal(lines.Sum(l => l.PeriodGrossProfit), company.PeriodGrossProfit);
    }
}
