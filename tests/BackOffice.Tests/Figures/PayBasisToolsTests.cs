using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: the payroll check's required pay by pay basis (salaried non-exempt) and bonus kind (California flat sum),
/// figures.md 6.2-6.4, through the same split the payroll check uses.
/// </summary>
public sealed class PayBasisToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static Employee Salaried(string state, PayBasis basis, decimal salary, decimal hours, string period = "weekly") =>
        new("emp-s", "Sam Salaried", "Carpentry", state, 0m, true, new EmployeeSalary(basis, salary, period, hours));

    private static RequiredPay Required(Employee employee, decimal[] days, decimal bonus = 0m, bool flatSum = false)
    {
        var split = OvertimeTools.SplitWeek(days, OvertimeTools.RuleFor(employee.WorkState), Monday);
        return PayBasisTools.Required(employee, split, [new PaySegment(days.Sum(), employee.BaseRate)], bonus, flatSum);
    }

    [Fact]
    public void Required_FixedSalary35HoursWorked41_MatchesTheRegulation()
    {
        // PUBLISHED 29 CFR 778.322: $200 for 35 hours, 41 worked -> 200 + 5 x 5.71 + 1 x 8.57 = $237.12.
        var week = Required(Salaried("TX", PayBasis.SalaryFixed, 200m, 35m), [8m, 8m, 8m, 8m, 9m, 0m, 0m]);

        Assert.Equal((5.71m, 8.57m, 8.57m, 237.12m), (week.RegularRate, week.OvertimeRate, week.OvertimeDue, week.Total));
        Assert.Contains("778.113", week.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_MonthlySalaryFixedHours_ConvertsToTheWeekFirst()
    {
        // PUBLISHED Bieg: $2,400 a month x 12 / 52 = $553.85 a week, / 35 = $15.82, overtime $23.73. DERIVED for a
        // 42-hour week: 553.85 + 5 x 15.82 + 2 x 23.73 = 553.85 + 79.10 + 47.46 = $680.41.
        var week = Required(Salaried("TX", PayBasis.SalaryFixed, 2400m, 35m, "monthly"), [8m, 8m, 8m, 8m, 8m, 2m, 0m]);

        Assert.Equal((15.82m, 23.73m, 47.46m, 680.41m), (week.RegularRate, week.OvertimeRate, week.OvertimeDue, week.Total));
    }

    [Fact]
    public void Required_FluctuatingWorkweek_OwesHalfTime()
    {
        // PUBLISHED Bieg (fluctuating workweek): $760, 50 hours -> 15.20; 0.5 x 15.20 x 10 = $76; $836.00.
        var week = Required(Salaried("TX", PayBasis.SalaryFluctuating, 760m, 40m), [10m, 10m, 10m, 10m, 10m, 0m, 0m]);

        Assert.Equal((15.20m, 7.60m, 76.00m, 836.00m), (week.RegularRate, week.OvertimeRate, week.OvertimeDue, week.Total));
        Assert.Contains("778.114", week.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_FluctuatingWorkweekInCalifornia_UsesOneFortieth()
    {
        // PUBLISHED Seyfarth, Cal-Peculiarities 2023 p. 212: $800, 50 hours; California (Labor Code 515(d)) $800 / 40 =
        // $20.00 x 1.5 x 10 = $300.00 (the fluctuating workweek's $80 is not allowed, Skyline Homes v. DIR). Five 10-hour
        // days give the same 10 overtime hours by California's daily rule.
        var week = Required(Salaried("CA", PayBasis.SalaryFluctuating, 800m, 40m), [10m, 10m, 10m, 10m, 10m, 0m, 0m]);

        Assert.Equal((20.00m, 300.00m, 1100.00m), (week.RegularRate, week.OvertimeDue, week.Total));
        Assert.Contains("515(d)", week.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_CaliforniaSalaryOver12Hours_PaysDoubleTime()
    {
        // DERIVED (Labor Code 510(a) and 515(d)): $800 a week -> $20.00; one 14-hour day and four 8-hour days = 46 hours:
        // 4 overtime hours x 30.00 + 2 double-time hours x 40.00 = 200.00; $1,000.00.
        var week = Required(Salaried("CA", PayBasis.SalaryFixed, 800m, 40m), [14m, 8m, 8m, 8m, 8m, 0m, 0m]);

        Assert.Equal((200.00m, 1000.00m), (week.OvertimeDue, week.Total));
    }

    [Theory]
    // Inputs PUBLISHED (Scali Law 2016-01-28): $10/hr, 46 hours (five 8-hour days and 6 on Saturday), $15 attendance bonus.
    // DERIVED (figures.md 6.4): California flat sum (Alvarado): 460 + 30 + 15 + 15/40 x 1.5 x 6 (3.375 -> 3.38) = $508.38;
    // the federal weighted average: 460 + 15 + 0.5 x 475/46 x 6 = $505.98; a Texas flat sum is federal too.
    [InlineData("CA", true, 508.38, 3.38)]
    [InlineData("CA", false, 505.98, 0)]
    [InlineData("TX", true, 505.98, 0)]
    public void Required_FlatSumBonus_AlvaradoOnlyInCalifornia(string state, bool flatSum, double total, double bonusOvertime)
    {
        var employee = new Employee("emp-h", "Hana Hourly", "Laborer", state, 10m, true);

        var week = Required(employee, [8m, 8m, 8m, 8m, 8m, 6m, 0m], 15m, flatSum);

        Assert.Equal(((decimal)total, (decimal)bonusOvertime), (week.Total, week.BonusOvertime));
    }

    [Fact]
    public void Required_BonusBesideAFluctuatingSalary_MatchesSalaryPlusBonusOverAllHours()
    {
        // DERIVED from 29 CFR 778.114(a): ($760 + $50) / 50 h = $16.20; 0.5 x 16.20 x 10 = $81.00; $891.00. The tool adds
        // the salary's half time (10 x 7.60 = 76.00) and the bonus's (50 / 50 x 0.5 x 10 = 5.00): the same $891.00.
        var week = Required(Salaried("TX", PayBasis.SalaryFluctuating, 760m, 40m), [10m, 10m, 10m, 10m, 10m, 0m, 0m], 50m);

        Assert.Equal((81.00m, 891.00m), (week.OvertimeDue, week.Total));
    }

    [Fact]
    public void Check_FluctuatingWorkweekInCalifornia_SaysItIsNotAllowed()
    {
        var employee = Salaried("CA", PayBasis.SalaryFluctuating, 800m, 40m);
        var cards = Enumerable.Range(0, 5).Select(i => new Timecard($"tc-{i}", "emp-s", "job-1",
            Monday.AddDays(i).ToDateTime(new TimeOnly(7, 0)), Monday.AddDays(i).ToDateTime(new TimeOnly(17, 0)), null)).ToList();
        var line = new PayrollLine("prl-s", "pr-1", "emp-s", Monday, 40m, 10m, 0m, 0m, 880m);

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(cards, Monday, 0m), line, [], 0.25m);

        Assert.Equal(220.00m, result.Difference);
        Assert.Contains(result.Problems, p => p.Contains("Skyline Homes", StringComparison.Ordinal));
        Assert.True(result.CanProposeAdjustment);
    }

    [Fact]
    public void RuleFor_Hourly_IsNull() => Assert.Null(PayBasisTools.RuleFor(PayBasis.Hourly, "CA"));
}
