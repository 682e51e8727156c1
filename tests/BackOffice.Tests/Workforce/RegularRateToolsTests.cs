using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Workforce;

/// <summary>Worked examples of the regular rate and the pay it requires, each from the published source named.</summary>
public sealed class RegularRateToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static OvertimeSplit Federal(params decimal[] days) => OvertimeTools.SplitWeek(days, OvertimeRule.Federal, Monday);

    [Fact]
    public void Required_HourlyRateOnly_MatchesCfr778_110a()
    {
        // 29 CFR 778.110(a): $12 an hour, 46 hours: 46 hours at $12 plus 6 at $6, a total of $588.
        var split = Federal(8, 8, 8, 8, 8, 6, 0);
        var pay = RegularRateTools.Required([new PaySegment(46m, 12m)], 0m, split.OvertimeHours, split.DoubleTimeHours);
        Assert.Equal((40m, 6m), (split.RegularHours, split.OvertimeHours));
        Assert.Equal(12m, pay.RegularRate);
        Assert.Equal(588.00m, pay.Total);
    }

    [Fact]
    public void Required_HourlyRateAndProductionBonus_MatchesCfr778_110b()
    {
        // 29 CFR 778.110(b) (and 778.209(a), a bonus earned in one week): $12 an hour, 46 hours, a $46 production bonus:
        // ($552 + $46) / 46 = a regular rate of $13; total wage $637 (46 hours at $13 plus 6 hours at $6.50).
        var pay = RegularRateTools.Required([new PaySegment(46m, 12m)], 46m, overtimeHours: 6m, doubleTimeHours: 0m);
        Assert.Equal(13m, pay.RegularRate);
        Assert.Equal(39m, pay.OvertimePremium);
        Assert.Equal(637.00m, pay.Total);
    }

    [Fact]
    public void Required_PieceRatePlusWaitingTime_MatchesCfr778_111a()
    {
        // 29 CFR 778.111(a): $491 at piece rates for 46 hours plus 4 hours of waiting time at $8: $523 / 50 hours =
        // $10.46; 10 overtime hours at $5.23 = $52.30; $575.30 for the week. Piece earnings enter as other remuneration.
        var pay = RegularRateTools.Required([new PaySegment(46m, 0m), new PaySegment(4m, 8m)], 491m, overtimeHours: 10m, doubleTimeHours: 0m);
        Assert.Equal(10.46m, pay.RegularRate);
        Assert.Equal(52.30m, pay.OvertimePremium);
        Assert.Equal(575.30m, pay.Total);
    }

    [Fact]
    public void RegularRate_TwoRatesInOneWeek_IsTheWeightedAverage()
    {
        // 29 CFR 778.115 states the rule (total earnings at all rates / total hours) without numbers; these are ours:
        // 30 h at $12 + 15 h at $15 = $585 / 45 h = $13.00; 5 overtime hours owe 5 × $6.50 more: $617.50.
        var pay = RegularRateTools.Required([new PaySegment(30m, 12m), new PaySegment(15m, 15m)], 0m, overtimeHours: 5m, doubleTimeHours: 0m);
        Assert.Equal(13m, pay.RegularRate);
        Assert.Equal(617.50m, pay.Total);
    }

    [Fact]
    public void Required_ShiftDifferential_IsInTheRegularRate()
    {
        // 29 CFR 778.207(b): shift differentials are part of the regular rate. Numbers ours: 40 h at $20 and 8 night
        // hours at $22 ($2 differential): $976 / 48 h; 8 overtime hours owe half of that rate more; $1,057.33 after the
        // single rounding (the exact figure is $1,057.3333...).
        var pay = RegularRateTools.Required([new PaySegment(40m, 20m), new PaySegment(8m, 22m)], 0m, overtimeHours: 8m, doubleTimeHours: 0m);
        Assert.Equal(976m / 48m, pay.RegularRate);
        Assert.Equal(1057.33m, pay.Total);
    }

    [Theory]
    // Rounding happens once, on the week's total, half away from zero (MoneyMath.RoundToCent).
    [InlineData("28.75", "40", "2.5", "1257.81")] // 1,257.8125
    [InlineData("10.01", "40", "1", "415.42")] // 415.415: a half cent rounds up
    [InlineData("10.03", "40", "1", "416.25")] // 416.245: a half cent rounds up, not to even
    [InlineData("12.00", "40", "0", "480.00")]
    public void Required_TotalIsRoundedOnceHalfAwayFromZero(string rate, string regular, string overtime, string expected)
    {
        var r = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        var reg = decimal.Parse(regular, System.Globalization.CultureInfo.InvariantCulture);
        var ot = decimal.Parse(overtime, System.Globalization.CultureInfo.InvariantCulture);
        var pay = RegularRateTools.Required([new PaySegment(reg + ot, r)], 0m, ot, 0m);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), pay.Total);
    }

    [Fact]
    public void RegularRate_NoHours_IsRefused() =>
        Assert.Throws<ArgumentException>(() => RegularRateTools.RegularRate([], 100m));
}
