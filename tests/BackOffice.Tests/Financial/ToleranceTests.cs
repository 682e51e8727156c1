using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Financial;

public sealed class ToleranceTests
{
    /// <summary>"$50 or 2%, whichever is less": 2% governs below $2,500, $50 above; a difference equal to the allowance agrees.</summary>
    [Theory]
    [InlineData(1000, 1020.00, true)]
    [InlineData(1000, 1020.01, false)]
    [InlineData(1000, 979.99, false)]
    [InlineData(2500, 2550.00, true)]
    [InlineData(2500, 2550.01, false)]
    [InlineData(10000, 10050.00, true)]
    [InlineData(10000, 10050.01, false)]
    [InlineData(-10000, -10050.00, true)]
    [InlineData(0, 0.01, false)]
    public void Within_LesserOfFiftyAndTwoPercent(decimal expected, decimal actual, bool within) =>
        Assert.Equal(within, Tolerance.Default.Within(expected, actual));

    [Theory]
    [InlineData(1000, 1050.00, true)]
    [InlineData(1000, 1050.01, false)]
    [InlineData(10000, 10200.00, true)]
    [InlineData(10000, 10200.01, false)]
    public void Within_GreaterOfFiftyAndTwoPercent(decimal expected, decimal actual, bool within) =>
        Assert.Equal(within, new Tolerance(50m, 2m, ToleranceBasis.WhicheverIsGreater).Within(expected, actual));

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(100, 100.01, false)]
    public void Within_Exact_AllowsNothing(decimal expected, decimal actual, bool within) =>
        Assert.Equal(within, Tolerance.Exact.Within(expected, actual));

    [Fact]
    public void Describe_SaysTheRuleInWords() =>
        Assert.Equal("$50 or 2%, whichever is less", Tolerance.Default.Describe());
}
