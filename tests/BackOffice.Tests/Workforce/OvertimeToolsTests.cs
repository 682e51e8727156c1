using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Workforce;

/// <summary>
/// Federal and California overtime splits. California cases apply Labor Code §510(a) as written (daily over 8 at 1.5x,
/// over 12 at 2x, seventh consecutive day first 8 at 1.5x and beyond 8 at 2x, weekly over 40 without counting daily
/// overtime toward the 40); the numbers are ours unless a source is named.
/// </summary>
public sealed class OvertimeToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static (decimal Regular, decimal Overtime, decimal DoubleTime) Split(OvertimeRule rule, params decimal[] days)
    {
        var split = OvertimeTools.SplitWeek(days, rule, Monday);
        Assert.Equal(days.Sum(), split.TotalHours);
        return (split.RegularHours, split.OvertimeHours, split.DoubleTimeHours);
    }

    [Fact]
    public void SplitWeek_EachWorkweekStandsAlone_Cfr778_104()
    {
        // 29 CFR 778.104: 30 hours one week and 50 the next: overtime is due for the week of 50, though the average is 40.
        Assert.Equal((30m, 0m, 0m), Split(OvertimeRule.Federal, 6, 6, 6, 6, 6, 0, 0));
        Assert.Equal((40m, 10m, 0m), Split(OvertimeRule.Federal, 10, 10, 10, 10, 10, 0, 0));
    }

    [Theory]
    [InlineData(OvertimeRule.Federal, 40, 0, 0)] // FLSA has no daily overtime (29 CFR 778.101)
    [InlineData(OvertimeRule.California, 32, 8, 0)] // four 10-hour days: 2 daily overtime hours each
    public void SplitWeek_FourTenHourDays_DependsOnTheState(OvertimeRule rule, int regular, int overtime, int doubleTime) =>
        Assert.Equal((regular, overtime, doubleTime), Split(rule, 10, 10, 10, 10, 0, 0, 0));

    [Theory]
    [InlineData(8, 8, 0, 0)]
    [InlineData(8.25, 8, 0.25, 0)]
    [InlineData(12, 8, 4, 0)]
    [InlineData(12.5, 8, 4, 0.5)]
    [InlineData(13, 8, 4, 1)]
    public void SplitWeek_CaliforniaDailyBoundaries(decimal hours, decimal regular, decimal overtime, decimal doubleTime) =>
        Assert.Equal((regular, overtime, doubleTime), Split(OvertimeRule.California, hours, 0, 0, 0, 0, 0, 0));

    [Fact]
    public void SplitWeek_CaliforniaDailyAndWeekly_NoDoubleCounting()
    {
        // Five 9-hour days and a 5-hour Saturday (50 h): 5 daily overtime hours, and the Saturday is past 40 straight
        // hours, so 5 weekly overtime hours: 40 / 10. Counting the daily hours toward 40 again would pay 14 overtime hours.
        Assert.Equal((40m, 10m, 0m), Split(OvertimeRule.California, 9, 9, 9, 9, 9, 5, 0));
        // Five 10-hour days: 10 daily overtime hours and exactly 40 straight hours, so nothing weekly on top.
        Assert.Equal((40m, 10m, 0m), Split(OvertimeRule.California, 10, 10, 10, 10, 10, 0, 0));
    }

    [Fact]
    public void SplitWeek_CaliforniaSeventhConsecutiveDay_FirstEightAtOneAndAHalfBeyondAtDouble()
    {
        // Six 8-hour days, then 10 hours on the seventh: Saturday is weekly overtime (past 40 straight hours); the
        // seventh day gives 8 overtime and 2 double-time hours.
        var split = OvertimeTools.SplitWeek([8, 8, 8, 8, 8, 8, 10], OvertimeRule.California, Monday);
        Assert.True(split.SeventhDay);
        Assert.Equal((40m, 16m, 2m), (split.RegularHours, split.OvertimeHours, split.DoubleTimeHours));
        Assert.Equal((0m, 8m, 2m), (split.Days[6].Regular, split.Days[6].Overtime, split.Days[6].DoubleTime));
    }

    [Fact]
    public void SplitWeek_CaliforniaSixShortDaysAndASeventh_SeventhDayRuleStillApplies()
    {
        // Seven days of 4 hours (28 h): under 40, but the seventh consecutive day is overtime from its first hour.
        Assert.Equal((24m, 4m, 0m), Split(OvertimeRule.California, 4, 4, 4, 4, 4, 4, 4));
    }

    [Fact]
    public void SplitWeek_CaliforniaRestDayInTheWeek_NoSeventhDay() =>
        Assert.Equal((40m, 8m, 0m), Split(OvertimeRule.California, 0, 8, 8, 8, 8, 8, 8));

    [Theory]
    [InlineData("CA", OvertimeRule.California)]
    [InlineData("ca", OvertimeRule.California)]
    [InlineData("TX", OvertimeRule.Federal)]
    [InlineData("NV", OvertimeRule.Federal)]
    public void RuleFor_WorkState(string state, OvertimeRule expected) => Assert.Equal(expected, OvertimeTools.RuleFor(state));

    [Fact]
    public void SplitWeek_NotSevenDays_IsRefused() =>
        Assert.Throws<ArgumentException>(() => OvertimeTools.SplitWeek([8, 8], OvertimeRule.Federal, Monday));
}
