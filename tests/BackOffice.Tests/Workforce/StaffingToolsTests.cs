using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Workforce;

public sealed class StaffingToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static Employee Carpenter(string id, decimal rate = 40m) => new(id, id, "Carpentry", "TX", rate, true);

    private static ScheduleTask Task(string id, string trade, DateOnly start, DateOnly end, decimal hours, decimal percent = 0m) =>
        new(id, "job-1", id, trade, start, end, hours, percent);

    [Fact]
    public void Forecast_PeakWeekWithSpareNextWeek_OvertimeIsAvoidableByMovingWork()
    {
        // One carpenter (40 h a week at $40). Week 1 needs 80 h, week 2 nothing: 40 h of implied overtime, all of it
        // avoidable by moving work into week 2; the premium it would cost is 40 × $20 = $800.00.
        var rows = StaffingTools.Forecast(
            [Task("st-1", "Carpentry", Monday, Monday.AddDays(4), 80m)], [Carpenter("c1")], Monday, DayOfWeek.Monday, 2, 40m);

        var week1 = rows.Single(r => r.WeekStart == Monday);
        Assert.Equal((80m, 40m, 40m, 40m, 0), (week1.DemandHours, week1.CapacityHours, week1.ImpliedOvertimeHours, week1.AvoidableOvertimeHours, week1.CrewToAdd));
        Assert.Equal((800.00m, 800.00m), (week1.OvertimePremium, week1.AvoidablePremium));
        Assert.Equal(["st-1"], week1.TaskIds);
        Assert.Equal(40m, rows.Single(r => r.WeekStart == Monday.AddDays(7)).SpareHours);
    }

    [Fact]
    public void Forecast_ShortfallEveryWeek_NeedsCrew()
    {
        // 300 h over two weeks of work (30 h a day) for one carpenter: 150 h a week, 110 h of overtime each week and no
        // spare week: 3 more people (110 / 40 rounded up).
        var rows = StaffingTools.Forecast(
            [Task("st-1", "Carpentry", Monday, Monday.AddDays(11), 300m)], [Carpenter("c1")], Monday, DayOfWeek.Monday, 2, 40m);
        Assert.All(rows, r => Assert.Equal((150m, 110m, 0m, 3), (r.DemandHours, r.ImpliedOvertimeHours, r.AvoidableOvertimeHours, r.CrewToAdd)));
    }

    [Fact]
    public void Forecast_RemainingWorkOnly_AndOverdueWorkLandsInTheFirstWeek()
    {
        // A task 75% done that should have ended last week: its 25 remaining hours are first-week demand.
        var rows = StaffingTools.Forecast(
            [Task("st-1", "Carpentry", Monday.AddDays(-14), Monday.AddDays(-3), 100m, 75m)], [Carpenter("c1")], Monday, DayOfWeek.Monday, 2, 40m);
        Assert.Equal(25m, rows[0].DemandHours);
        Assert.Equal(0m, rows[1].DemandHours);
    }

    [Fact]
    public void Forecast_TradeWithoutCrew_IsSubcontractedNotShort()
    {
        var rows = StaffingTools.Forecast(
            [Task("st-1", "Plumbing", Monday, Monday.AddDays(4), 80m)], [Carpenter("c1")], Monday, DayOfWeek.Monday, 1, 40m);
        var plumbing = rows.Single(r => r.Trade == "Plumbing");
        Assert.True(plumbing.Subcontracted);
        Assert.Equal((80m, 0m), (plumbing.DemandHours, plumbing.ImpliedOvertimeHours));
        Assert.Equal(40m, rows.Single(r => r.Trade == "Carpentry").SpareHours);
    }

    [Fact]
    public void Forecast_InactiveEmployees_AreNotCapacity()
    {
        var rows = StaffingTools.Forecast([], [Carpenter("c1"), Carpenter("c2") with { Active = false }], Monday, DayOfWeek.Monday, 1, 40m);
        Assert.Equal((1, 40m), (rows[0].Crew, rows[0].CapacityHours));
    }
}
