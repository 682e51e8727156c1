using BackOffice.Domain.Money;

namespace BackOffice.Tests.Domain;

public sealed class MoneyMathTests
{
    [Theory]
    [InlineData("1234.555", "1234.56")]
    [InlineData("1234.545", "1234.55")]
    [InlineData("-1234.555", "-1234.56")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.0049", "0.00")]
    [InlineData("-0.005", "-0.01")]
    public void RoundToCent_Midpoints_RoundHalfAwayFromZero(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected), MoneyMath.RoundToCent(decimal.Parse(input)));

    // Retainage held on a pay application line; hand-computed (no published source): amount × percent, half away from zero.
    [Theory]
    [InlineData("18400.00", "10", "1840.00")]
    [InlineData("1234.55", "10", "123.46")]
    [InlineData("1234.45", "5", "61.72")]
    [InlineData("999.99", "7.5", "75.00")]
    [InlineData("0.00", "10", "0.00")]
    public void PercentOf_Retainage_RoundsToTheCent(string amount, string percent, string expected) =>
        Assert.Equal(decimal.Parse(expected), MoneyMath.PercentOf(decimal.Parse(amount), decimal.Parse(percent)));

    [Fact]
    public void Allocate_FiveCentsInTwo_LosesNothing()
    {
        var parts = MoneyMath.Allocate(0.05m, [1m, 1m]);
        Assert.Equal(0.05m, parts.Sum());
        Assert.Equal([0.03m, 0.02m], parts);
    }

    [Fact]
    public void Allocate_HundredInThree_SumsExactly()
    {
        var parts = MoneyMath.Allocate(100m, [1m, 1m, 1m]);
        Assert.Equal(100m, parts.Sum());
        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
    }

    [Fact]
    public void FromDollars_FractionOfACent_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Cents.FromDollars(10.005m));

    [Theory]
    [InlineData("18400.00", "$18,400.00")]
    [InlineData("-1840.5", "-$1,840.50")]
    [InlineData("0", "$0.00")]
    public void Usd_Formats_Invariantly(string amount, string expected) =>
        Assert.Equal(expected, MoneyText.Usd(decimal.Parse(amount)));
}
