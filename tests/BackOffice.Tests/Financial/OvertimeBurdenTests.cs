using BackOffice.Domain.Workforce;
using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 16: overtime in labor burden: each week's overtime on its jobs, its premium and the burden on the premium.</summary>
public sealed class OvertimeBurdenTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static Timecard Card(string id, string employee, string job, int day, int from, int to, decimal? rate = null) =>
        new(id, employee, job, Monday.AddDays(day).ToDateTime(new TimeOnly(from, 0)), Monday.AddDays(day).ToDateTime(new TimeOnly(to, 0)), rate);

    private static Dictionary<string, Employee> Employees(string state) =>
        new() { ["emp-1"] = new Employee("emp-1", "Ed", "Carpentry", state, 20m, true) };

    [Fact]
    public void Allocate_FederalWeekOnTwoJobs_SpreadsOvertimeByHours()
    {
        // DERIVED: 50 hours in the week, 30 on job-A and 20 on job-B: 10 overtime hours (FLSA) -> 6 on A, 4 on B.
        var cards = new List<Timecard>
        {
            Card("a1", "emp-1", "job-A", 0, 7, 17), Card("a2", "emp-1", "job-A", 1, 7, 17), Card("a3", "emp-1", "job-A", 2, 7, 17),
            Card("b1", "emp-1", "job-B", 3, 7, 17), Card("b2", "emp-1", "job-B", 4, 7, 17),
        };

        var overtime = OvertimeAllocationTools.Allocate(cards, Employees("TX"), DayOfWeek.Monday).ToDictionary(o => o.JobId);

        Assert.Equal((6m, 4m), (overtime["job-A"].OvertimeHours, overtime["job-B"].OvertimeHours));
    }

    [Theory]
    // DERIVED (Labor Code 510(a)): one 14-hour day in California, otherwise 40 hours: 4 overtime and 2 double-time hours
    // on the week's one job; in Texas the same 46 hours are 6 overtime hours.
    [InlineData("CA", 4.0, 2.0)]
    [InlineData("TX", 6.0, 0.0)]
    public void Allocate_LongDay_FollowsTheWorkStateRules(string state, double overtime, double doubleTime)
    {
        var cards = new List<Timecard> { Card("c0", "emp-1", "job-A", 0, 6, 20) };
        cards.AddRange(Enumerable.Range(1, 4).Select(d => Card($"c{d}", "emp-1", "job-A", d, 7, 15)));

        var hours = Assert.Single(OvertimeAllocationTools.Allocate(cards, Employees(state), DayOfWeek.Monday));

        Assert.Equal(((decimal)overtime, (decimal)doubleTime), (hours.OvertimeHours, hours.DoubleTimeHours));
    }

    [Fact]
    public void Allocate_NoOvertime_IsEmpty() =>
        Assert.Empty(OvertimeAllocationTools.Allocate([Card("a", "emp-1", "job-A", 0, 7, 15)], Employees("TX"), DayOfWeek.Monday));

    [Fact]
    public void ForJob_OvertimePremium_IsBurdenedByTheTaxesOnly()
    {
        // Rates PUBLISHED in QuickBooks Contractor help "Labor burden" ($20.00/hr; WC 13.20%, Medicare 1.45%, Social
        // Security 6.20%, SUI 3.70%, FUTA 0.80%; medical $50 a month). DERIVED: 10 overtime hours and 2 double-time hours
        // at $20 -> premium 10 x 20 x 0.5 + 2 x 20 x 1 = 140.00; taxes on it 12.15% = 17.01; workers' comp per $100 and
        // the monthly medical are not charged on premium (NCCI Basic Manual Rule 2-C-2; fixed benefits).
        var components = new List<BurdenComponent>
        {
            new("Workers comp", BurdenBasis.PerHundredOfWages, 13.20m), new("Medicare", BurdenBasis.PercentOfWages, 1.45m),
            new("Social Security", BurdenBasis.PercentOfWages, 6.20m), new("SUI", BurdenBasis.PercentOfWages, 3.70m),
            new("FUTA", BurdenBasis.PercentOfWages, 0.80m), new("Medical", BurdenBasis.MonthlyFixed, 50m),
        };
        var rate = JobLaborBurdenTools.RateOf(Employees("TX")["emp-1"], new LaborBurdenInput(0m, 2_000m, components));
        var rates = new Dictionary<string, EmployeeBurdenRate> { ["emp-1"] = rate };

        var burden = JobLaborBurdenTools.ForJob("job-A", [new JobLaborHours("job-A", "emp-1", null, 52m)], rates, 0m, 0m,
            [new JobOvertimeHours("job-A", "emp-1", null, 10m, 2m)]);

        Assert.Equal((140.00m, 17.01m), (burden.OvertimePremium, burden.OvertimePremiumBurden));
        Assert.Equal(52m * 20m + 140m, burden.RawTimecardLabor);
        Assert.Equal(burden.RawTimecardLabor + MoneyOf(52m * rate.BurdenPerHour) + 17.01m, burden.BurdenedTimecardLabor);
    }

    [Theory]
    // DERIVED: a configured multiplier of 2 (a union agreement) doubles the premium of 10 overtime hours at $20: 200.00.
    [InlineData(1.5, 100.00)]
    [InlineData(2.0, 200.00)]
    public void ForJob_ConfiguredMultiplier_SetsThePremium(double multiplier, double premium)
    {
        var rates = new Dictionary<string, EmployeeBurdenRate> { ["emp-1"] = new("emp-1", 20m, 20m) };

        var burden = JobLaborBurdenTools.ForJob("job-A", [], rates, 0m, 0m, [new JobOvertimeHours("job-A", "emp-1", null, 10m, 0m)], (decimal)multiplier);

        Assert.Equal((decimal)premium, burden.OvertimePremium);
    }

    private static decimal MoneyOf(decimal amount) => BackOffice.Domain.Money.MoneyMath.RoundToCent(amount);
}
