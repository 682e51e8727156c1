using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Workforce;

public sealed class TimecardToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static Timecard Card(string id, string clockIn, string? clockOut, decimal? rate = null, string? job = "job-1") =>
        new(id, "emp-1", job, DateTime.Parse(clockIn, System.Globalization.CultureInfo.InvariantCulture),
            clockOut is null ? null : DateTime.Parse(clockOut, System.Globalization.CultureInfo.InvariantCulture), rate);

    [Theory]
    [InlineData("2026-11-05", DayOfWeek.Monday, "2026-11-02")]
    [InlineData("2026-11-02", DayOfWeek.Monday, "2026-11-02")]
    [InlineData("2026-11-05", DayOfWeek.Sunday, "2026-11-01")]
    [InlineData("2026-11-05", DayOfWeek.Thursday, "2026-11-05")]
    [InlineData("2026-11-05", DayOfWeek.Friday, "2026-10-30")]
    public void WorkweekStart_ConfigurableStartDay(string date, DayOfWeek start, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TimecardTools.WorkweekStart(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), start));

    [Fact]
    public void Workweek_NightShift_IsSplitAtMidnight()
    {
        var week = TimecardTools.Workweek([Card("t1", "2026-11-02T22:00", "2026-11-03T06:30")], Monday, 30m);
        Assert.Equal([2m, 6.5m, 0m, 0m, 0m, 0m, 0m], week.DailyHours);
        Assert.Empty(week.Issues);
    }

    [Fact]
    public void Workweek_ShiftCrossingTheWeekEnd_CountsOnlyThisWeeksPart()
    {
        var week = TimecardTools.Workweek([Card("t1", "2026-11-08T20:00", "2026-11-09T04:00")], Monday, 30m);
        Assert.Equal(4m, week.TotalHours);
        Assert.Equal(4m, week.DailyHours[6]);
    }

    [Fact]
    public void Workweek_OverlappingPunches_CountedOnceAndReported()
    {
        var week = TimecardTools.Workweek(
            [Card("t1", "2026-11-02T07:00", "2026-11-02T12:00"), Card("t2", "2026-11-02T11:00", "2026-11-02T15:30")], Monday, 30m);
        Assert.Equal(8.5m, week.TotalHours);
        var issue = Assert.Single(week.Issues);
        Assert.Equal(("t2", "overlap"), (issue.TimecardId, issue.Kind));
    }

    [Fact]
    public void Workweek_OpenPunch_IsAMissingPunchAndAddsNoHours()
    {
        var week = TimecardTools.Workweek([Card("t1", "2026-11-02T07:00", "2026-11-02T15:00"), Card("t2", "2026-11-03T07:00", null)], Monday, 30m);
        Assert.Equal(8m, week.TotalHours);
        Assert.Equal(("t2", "missing-punch"), (week.Issues[0].TimecardId, week.Issues[0].Kind));
    }

    [Fact]
    public void Workweek_ShiftRates_BecomeSegmentsAtEachRate()
    {
        var week = TimecardTools.Workweek(
            [Card("t1", "2026-11-02T07:00", "2026-11-02T15:00"), Card("t2", "2026-11-03T07:00", "2026-11-03T13:00", rate: 34.5m)], Monday, 30m);
        Assert.Equal([new PaySegment(8m, 30m), new PaySegment(6m, 34.5m)], week.Segments);
    }

    [Fact]
    public void JobChecks_ClosedUnknownMissingAndUnassignedJobs()
    {
        var cards = new[]
        {
            Card("t1", "2026-11-02T07:00", "2026-11-02T15:00", job: "job-closed"),
            Card("t2", "2026-11-03T07:00", "2026-11-03T15:00", job: null),
            Card("t3", "2026-11-04T07:00", "2026-11-04T15:00", job: "job-9"),
            Card("t4", "2026-11-05T07:00", "2026-11-05T15:00", job: "job-other"),
            Card("t5", "2026-11-06T07:00", "2026-11-06T15:00", job: "job-1"),
        };
        var jobs = new Dictionary<string, string> { ["job-closed"] = "closed", ["job-other"] = "active", ["job-1"] = "active" };
        var tasks = new[] { new ScheduleTask("st-1", "job-1", "Framing", "Carpentry", Monday, Monday.AddDays(30), 100m, 0m) };

        var issues = PayrollCheckTools.JobChecks(cards, "carpentry", jobs, tasks);

        Assert.Equal(["closed-job", "no-job", "unknown-job", "not-assigned"], issues.Select(i => i.Kind));
        Assert.Equal(["t1", "t2", "t3", "t4"], issues.Select(i => i.TimecardId));
    }
}
