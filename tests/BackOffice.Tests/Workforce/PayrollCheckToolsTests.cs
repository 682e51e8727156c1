using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Workforce;

/// <summary>The whole pre-check of one employee-week, on the demo bundle's two planted cases and clean ones.</summary>
public sealed class PayrollCheckToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static List<Timecard> Days(string employee, int count, string from, string to, decimal? rate = null) =>
        Enumerable.Range(0, count).Select(i => new Timecard(
            $"{employee}-{i}", employee, "job-1",
            Monday.AddDays(i).ToDateTime(TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)),
            Monday.AddDays(i).ToDateTime(TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), rate)).ToList();

    private static PayrollCheckResult Check(Employee employee, List<Timecard> cards, PayrollLine line) =>
        PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(cards, Monday, employee.BaseRate), line, [], PayrollCheckTools.DefaultHoursTolerance);

    [Fact]
    public void Check_TexasOvertimeShortPaid_FindsTheGapAndTheDifference()
    {
        // Five days of 10.5 h = 52.5 h at $36 (FLSA): 12.5 overtime hours; the run pays only 8 ($1,872.00).
        // Required: 52.5 × $36 + 12.5 × $18 = $1,890 + $225 = $2,115.00.
        var marcus = new Employee("emp-2", "Marcus Reed", "Carpentry", "TX", 36m, true);
        var line = new PayrollLine("prl-2", "pr-1", "emp-2", Monday, 40m, 8m, 0m, 0m, 1872m);

        var result = Check(marcus, Days("emp-2", 5, "06:30", "17:00"), line);

        Assert.Equal((52.5m, 48m, 4.5m), (result.ClockedHours, result.ClaimedHours, result.HoursGap));
        Assert.Equal(12.5m, result.Split.OvertimeHours);
        Assert.Equal(2115.00m, result.Required!.Total);
        Assert.Equal(243.00m, result.Difference);
        Assert.True(result.CanProposeAdjustment);
    }

    [Fact]
    public void Check_CaliforniaBonusNotInOvertimeRate_FindsTheMissingPremium()
    {
        // Six 8-hour days and 4 hours on the seventh at $45, with a $250 non-discretionary bonus (CA). Hours: 40 regular,
        // 12 overtime (8 weekly, 4 seventh-day). The run pays 12 × $67.50 on the base rate: $2,860.00. The regular rate is
        // ($2,340 + $250) / 52 h (29 CFR 778.110(b)); the premium is 12 × half of it: $298.846...; required $2,888.85.
        var kevin = new Employee("emp-5", "Kevin Tran", "Carpentry", "CA", 45m, true);
        var cards = Days("emp-5", 6, "06:30", "14:30");
        cards.Add(new Timecard("emp-5-6", "emp-5", "job-1", new DateTime(2026, 11, 8, 7, 0, 0), new DateTime(2026, 11, 8, 11, 0, 0), null));
        var line = new PayrollLine("prl-5", "pr-1", "emp-5", Monday, 40m, 12m, 0m, 250m, 2860m);

        var result = Check(kevin, cards, line);

        Assert.Equal((40m, 12m, 0m), (result.Split.RegularHours, result.Split.OvertimeHours, result.Split.DoubleTimeHours));
        Assert.Equal(2590m / 52m, result.Required!.RegularRate);
        Assert.Equal(2888.85m, result.Required.Total);
        Assert.Equal(28.85m, result.Difference);
        Assert.Equal(0m, result.HoursGap);
    }

    [Fact]
    public void Check_CorrectRun_HasNothingToSay()
    {
        // Ana Morales in the demo: five days of 8.5 h at $28.75 (CA): 40 regular + 2.5 daily overtime = $1,257.81.
        var ana = new Employee("emp-3", "Ana Morales", "Laborer", "CA", 28.75m, true);
        var line = new PayrollLine("prl-3", "pr-1", "emp-3", Monday, 40m, 2.5m, 0m, 0m, 1257.81m);

        var result = Check(ana, Days("emp-3", 5, "07:00", "15:30"), line);

        Assert.Equal(0m, result.Difference);
        Assert.False(result.NeedsAttention);
        Assert.False(result.CanProposeAdjustment);
    }

    [Fact]
    public void Check_OpenPunch_FailsClosed()
    {
        var tom = new Employee("emp-4", "Tom Becker", "Painting", "TX", 31m, true);
        var cards = Days("emp-4", 4, "07:00", "17:00");
        cards.Add(new Timecard("open", "emp-4", "job-1", new DateTime(2026, 11, 6, 7, 0, 0), null, null));
        var line = new PayrollLine("prl-4", "pr-1", "emp-4", Monday, 40m, 0m, 0m, 0m, 1240m);

        var result = Check(tom, cards, line);

        Assert.Null(result.Required);
        Assert.Null(result.Difference);
        Assert.False(result.CanProposeAdjustment);
        Assert.Contains(result.Problems, p => p.Contains("open punch", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ClockedButNotInTheRun_IsAProblem()
    {
        var tom = new Employee("emp-4", "Tom Becker", "Painting", "TX", 31m, true);
        var result = PayrollCheckTools.Check(tom, Monday, TimecardTools.Workweek(Days("emp-4", 2, "07:00", "15:00"), Monday, 31m), null, [], 0.25m);
        Assert.Contains(result.Problems, p => p.Contains("no line", StringComparison.Ordinal));
        Assert.False(result.CanProposeAdjustment);
    }

    [Theory]
    [InlineData("40.25", false)] // within a quarter hour
    [InlineData("40.26", true)]
    [InlineData("39.75", false)]
    [InlineData("39.74", true)]
    public void Check_HoursTolerance_Boundary(string claimed, bool flagged)
    {
        var tom = new Employee("emp-4", "Tom Becker", "Painting", "TX", 31m, true);
        var hours = decimal.Parse(claimed, System.Globalization.CultureInfo.InvariantCulture);
        var line = new PayrollLine("prl-4", "pr-1", "emp-4", Monday, Math.Min(40m, hours), Math.Max(0m, hours - 40m), 0m, 0m, 1240m);
        var result = Check(tom, Days("emp-4", 4, "07:00", "17:00"), line);
        Assert.Equal(flagged, result.Problems.Any(p => p.Contains("claims", StringComparison.Ordinal)));
    }
}
