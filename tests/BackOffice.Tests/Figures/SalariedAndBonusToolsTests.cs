using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>Salaried non-exempt regular rates and California flat-sum bonus overtime (issue 16), figures.md 6.2-6.4.</summary>
public sealed class SalariedAndBonusToolsTests
{
    [Theory]
    // PUBLISHED 29 CFR 778.113 (1981 text): $182.70 for 35 hours -> $5.22, overtime $7.83 after 40; $220.80 for 40 -> $5.52.
    [InlineData(182.70, 35, 5.22, 7.83)]
    [InlineData(220.80, 40, 5.52, 8.28)]
    // PUBLISHED 29 CFR 778.322: $200 for a 35-hour week -> $5.71, overtime $8.57.
    [InlineData(200.00, 35, 5.71, 8.57)]
    public void Week_FixedHours_RegularAndOvertimeRateMatchTheRegulation(double salary, int hours, double rate, double overtimeRate)
    {
        var week = SalariedTools.Week((decimal)salary, hours, hours, SalaryRule.FixedHours);

        Assert.Equal(((decimal)rate, (decimal)overtimeRate), (week.RegularRate, week.OvertimeRate));
    }

    [Fact]
    public void Week_FixedHours35Worked41_PaysStraightTimeTo40ThenOvertime()
    {
        // PUBLISHED 29 CFR 778.322: $200 for 35 hours, 41 worked -> 200 + 5 x 5.71 + 1 x 8.57 = $237.12.
        var week = SalariedTools.Week(200m, 35m, 41m, SalaryRule.FixedHours);

        Assert.Equal((5m, 1m, 28.55m, 8.57m, 237.12m), (week.ExtraStraightTimeHours, week.OvertimeHours, week.ExtraStraightTime, week.OvertimePay, week.Total));
    }

    [Theory]
    // PUBLISHED MTAS (mtas.tennessee.edu, semimonthly salary): $700 semimonthly x 24 / 52 = $323.08 a week; / 40 = $8.08.
    [InlineData(700.00, SalaryPeriod.Semimonthly, 40, 323.08, 8.08)]
    // PUBLISHED Bieg, Payroll Accounting (jeopardylabs quiz ch. 2): $2,400 a month x 12 / 52 / 35 = $15.82.
    [InlineData(2400.00, SalaryPeriod.Monthly, 35, 553.85, 15.82)]
    // DERIVED: 778.113 truncated example, $1,040 a month -> $240 a week -> $6.00 at 40 hours; biweekly halves.
    [InlineData(1040.00, SalaryPeriod.Monthly, 40, 240.00, 6.00)]
    [InlineData(1000.00, SalaryPeriod.Biweekly, 40, 500.00, 12.50)]
    public void WeeklySalary_PeriodsConvertToTheWeek(double salary, SalaryPeriod period, int hours, double weekly, double rate)
    {
        var perWeek = SalariedTools.WeeklySalary((decimal)salary, period);

        Assert.Equal((decimal)weekly, perWeek);
        Assert.Equal((decimal)rate, SalariedTools.Week(perWeek, hours, hours, SalaryRule.FixedHours).RegularRate);
    }

    [Fact]
    public void Week_BiegMonthlySalary_OvertimeRateIsOneAndAHalfTheRoundedRate()
    {
        // PUBLISHED Bieg: $15.82 regular rate, overtime $23.73 (1.5 x the rate rounded to the cent, not 23.74).
        Assert.Equal(23.73m, SalariedTools.Week(553.85m, 35m, 42m, SalaryRule.FixedHours).OvertimeRate);
    }

    [Theory]
    // PUBLISHED Bieg (fluctuating workweek): $760, 50 hours -> 15.20; 0.5 x 15.20 x 10 = $76; $836.00.
    [InlineData(760.00, 50, SalaryRule.FluctuatingWorkweek, 15.20, 76.00, 836.00)]
    // PUBLISHED Seyfarth, Cal-Peculiarities 2023 p. 212: $800, 50 hours: FWW $16.00 x 0.5 x 10 = $80.00; California
    // (Labor Code 515(d)) $800 / 40 = $20.00 x 1.5 x 10 = $300.00.
    [InlineData(800.00, 50, SalaryRule.FluctuatingWorkweek, 16.00, 80.00, 880.00)]
    [InlineData(800.00, 50, SalaryRule.CaliforniaFortyHours, 20.00, 300.00, 1100.00)]
    public void Week_FluctuatingAndCalifornia_MatchThePublishedOvertime(double salary, int worked, SalaryRule rule, double rate, double overtime, double total)
    {
        var week = SalariedTools.Week((decimal)salary, 40m, worked, rule);

        Assert.Equal(((decimal)rate, (decimal)overtime, (decimal)total), (week.RegularRate, week.OvertimePay, week.Total));
    }

    [Theory]
    [InlineData(0, 40)]
    [InlineData(40, 0)]
    [InlineData(40, 41)]
    public void Week_NoHoursOrSalaryHoursOver40_IsRefused(int worked, int salaryHours) =>
        Assert.Throws<ArgumentException>(() => SalariedTools.Week(500m, salaryHours, worked, SalaryRule.FixedHours));

    [Fact]
    public void FlatSumBonus_ScaliWeek_CaliforniaOwesMoreThanTheFederalMethod()
    {
        // Inputs PUBLISHED (Scali Law 2016-01-28, the employer's federal method): $10/hr, 46 hours, $15 attendance bonus,
        // regular rate (400 + 15 + 60) / 46 = "$10.33". DERIVED (figures.md 6.4): federal bonus premium 15/46 x 0.5 x 6 = 0.98;
        // Alvarado 15/40 x 1.5 x 6 = 3.375 -> 3.38, so the week is 508.38 instead of 505.98.
        var federal = FlatSumBonusTools.Federal(15m, 46m, 6m);
        var california = FlatSumBonusTools.California(15m, 40m, 6m);

        Assert.Equal((0.98m, 3.38m, 0.375m), (federal.Premium, california.Premium, california.PerHour));
        Assert.Equal(508.38m, BackOffice.Domain.Money.MoneyMath.RoundToCent(400m + 15m + 6m * 15m + 15m / 40m * 1.5m * 6m));
    }

    [Fact]
    public void FlatSumBonus_MonthlyBonusHypothetical_FederalTwentyDollarsCaliforniaSixtySevenFifty()
    {
        // hrmobileservices.com 2018-08 court hypothetical: $360 monthly bonus, 160 regular + 20 overtime hours; federal
        // 360 / 180 = $2.00 (published) x 0.5 x 20 = $20.00 (DERIVED); Alvarado 360 / 160 = 2.25 x 1.5 x 20 = $67.50 (DERIVED).
        Assert.Equal((2.00m, 20.00m), (FlatSumBonusTools.Federal(360m, 180m, 20m).PerHour, FlatSumBonusTools.Federal(360m, 180m, 20m).Premium));
        Assert.Equal(67.50m, FlatSumBonusTools.California(360m, 160m, 20m).Premium);
        // DERIVED (double time at 2x by Labor Code 510, by analogy): 2.25 x (1.5 x 20 + 2 x 2) = 76.50.
        Assert.Equal(76.50m, FlatSumBonusTools.California(360m, 160m, 20m, doubleTimeHours: 2m).Premium);
    }
}
