using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

public sealed class VarianceToolsTests
{
    private static VarianceLine Run(decimal original, decimal changes, decimal committed, decimal actual, decimal? forecast) =>
        VarianceTools.Compute(new VarianceInput("j", "22-000", original, changes, committed, actual, forecast), VarianceOptions.Default);

    /// <summary>Boundaries of the 5/10/15% flags on a $10,000 revised budget: reaching a threshold flags it.</summary>
    [Theory]
    [InlineData(10499.99, 0, null)]
    [InlineData(10500.00, 1, 5)]
    [InlineData(10999.99, 1, 5)]
    [InlineData(11000.00, 2, 10)]
    [InlineData(11500.00, 3, 15)]
    [InlineData(13000.00, 3, 15)]
    public void Compute_OverrunAgainstThresholds(decimal forecast, int level, int? threshold)
    {
        var line = Run(9_000m, 1_000m, 0m, 0m, forecast);
        Assert.Equal((level, (decimal?)threshold), (line.FlagLevel, line.FlagThreshold));
        Assert.Equal(10_000m - forecast, line.Variance);
    }

    [Fact]
    public void Compute_CommittedAboveForecast_EstimatesAtCommitted()
    {
        var line = Run(20_500m, 1_850m, 23_000m, 9_000m, 22_350m);
        Assert.Equal((22_350m, 23_000m, "committed", -650m, 2.91m), (line.RevisedBudget, line.EstimateAtCompletion, line.EacBasis, line.Variance, line.OverrunPercent));
        Assert.True(line.CommitmentWarning);
    }

    [Theory]
    [InlineData(9000.00, false)]
    [InlineData(9000.01, true)]
    public void Compute_CommitmentsOverNinetyPercent_AreFlagged(decimal committed, bool warned) =>
        Assert.Equal(warned, Run(10_000m, 0m, committed, 0m, null).CommitmentWarning);

    [Fact]
    public void Compute_UnderBudget_HasNoFlag()
    {
        var line = Run(10_000m, 0m, 5_000m, 4_000m, 9_500m);
        Assert.Equal((500m, 0m, 0, "PM forecast"), (line.Variance, line.OverrunPercent, line.FlagLevel, line.EacBasis));
    }

    [Fact]
    public void Compute_CostWithNoBudget_ReachesEveryThreshold() =>
        Assert.Equal(3, Run(0m, 0m, 0m, 500m, null).FlagLevel);
}
