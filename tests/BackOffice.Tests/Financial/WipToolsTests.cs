using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Worked example: Kieso, Weygandt and Warfield, "Intermediate Accounting" (Wiley), chapter "Revenue Recognition",
/// Hardhat Construction Company: a $4,500,000 bridge contract, percentage-of-completion by cost-to-cost. The same
/// arithmetic is ASC 605-35 (AICPA Audit and Accounting Guide, Construction Contractors).
/// </summary>
public sealed class WipToolsTests
{
    [Fact]
    public void Compute_HardhatYearOne_EarnsOneThirdAndIsUnderBilled()
    {
        // Year 1: cost to date 1,000,000; estimated cost to complete 2,000,000; billings 900,000.
        var line = WipTools.Compute(new WipInput("hardhat", 4_500_000m, 3_000_000m, 1_000_000m, 900_000m));

        Assert.Equal(33.33m, line.PercentComplete);
        Assert.Equal(1_500_000m, line.EarnedRevenue);
        Assert.Equal(500_000m, line.GrossProfitToDate);
        Assert.Equal(1_500_000m, line.EstimatedGrossProfit);
        // Kieso: "Costs and recognized profit in excess of billings" 1,500,000 - 900,000 = 600,000.
        Assert.Equal((0m, 600_000m), (line.OverBilling, line.UnderBilling));
        Assert.False(line.IsLossJob);
    }

    [Fact]
    public void Compute_HardhatYearTwo_EarnsSeventyTwoPercentAndIsOverBilled()
    {
        // Year 2: cost to date 2,916,000; estimated cost to complete 1,134,000; billings to date 900,000 + 2,400,000.
        var line = WipTools.Compute(new WipInput("hardhat", 4_500_000m, 4_050_000m, 2_916_000m, 3_300_000m));

        Assert.Equal(72m, line.PercentComplete);
        Assert.Equal(3_240_000m, line.EarnedRevenue);
        // Kieso: gross profit to date 324,000 (so 2nd-year profit 324,000 - 500,000 = -176,000).
        Assert.Equal(324_000m, line.GrossProfitToDate);
        // Kieso: "Billings in excess of costs and recognized profit" 3,300,000 - 3,240,000 = 60,000.
        Assert.Equal((60_000m, 0m), (line.OverBilling, line.UnderBilling));
    }

    [Fact]
    public void Compute_HardhatLossContract_RecognizesTheWholeLossNow()
    {
        // Kieso's unprofitable-contract variant: year 2 estimated cost to complete 1,640,000, total 4,556,000, loss 56,000.
        var line = WipTools.Compute(new WipInput("hardhat", 4_500_000m, 4_556_000m, 2_916_000m, 3_300_000m));

        Assert.True(line.IsLossJob);
        Assert.Equal(-56_000m, line.EstimatedGrossProfit);
        Assert.Equal(-56_000m, line.GrossProfitToDate);
        Assert.Equal(64m, line.PercentComplete);
        // Kieso rounds to 64% (revenue 2,880,000, provision 20,160); we keep the exact ratio, so the cents differ.
        Assert.Equal(2_880_158.03m, line.EarnedRevenue);
        Assert.Equal(20_158.03m, line.LossProvision);
        Assert.Equal(line.EarnedRevenue - line.CostToDate - line.LossProvision, line.GrossProfitToDate);
    }

    [Fact]
    public void Compute_CostBeyondEstimate_CapsAtOneHundredPercent()
    {
        var line = WipTools.Compute(new WipInput("j", 100_000m, 80_000m, 90_000m, 100_000m));
        Assert.Equal((100m, 100_000m, 90_000m), (line.PercentComplete, line.EarnedRevenue, line.EstimatedTotalCost));
    }

    [Fact]
    public void Compute_NoEstimateNoCost_IsZeroPercent() =>
        Assert.Equal(0m, WipTools.Compute(new WipInput("j", 100_000m, 0m, 0m, 0m)).EarnedRevenue);

    [Theory]
    [InlineData(100000, 90000, 0, 0, 10000, 10.00, 10000, 10.00)]
    [InlineData(100000, 90000, 18750, 0, 10000, 10.00, 28750, 24.21)]
    [InlineData(100000, 104000, 7400, 2000, -4000, -4.00, 1400, 1.30)]
    public void Margin_WithAndWithoutPendingChangeOrders(
        decimal contract, decimal eac, decimal pendingRevenue, decimal pendingCost, decimal margin, decimal percent, decimal withPending, decimal percentWithPending)
    {
        var result = WipTools.Margin("j", contract, eac, pendingRevenue, pendingCost);
        Assert.Equal((margin, percent, withPending, percentWithPending), (result.Margin, result.MarginPercent, result.MarginWithPending, result.MarginPercentWithPending));
    }
}
