using System.Diagnostics;
using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;
using Xunit.Abstractions;

namespace BackOffice.Tests.Workforce;

/// <summary>Prints how long the pure workforce tools take on a large tenant; measures, never asserts a time.</summary>
public sealed class WorkforceBenchmarks(ITestOutputHelper output)
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void Benchmark_PayrollCheckAndForecast_PrintsTimings()
    {
        var employees = Enumerable.Range(0, 2_000).Select(i => new Employee($"e{i}", $"E {i}", $"T{i % 8}", i % 2 == 0 ? "CA" : "TX", 30m + i % 20, true)).ToList();
        var cards = employees.ToDictionary(e => e.Id, e => Enumerable.Range(0, 6).Select(d => new Timecard(
            $"{e.Id}-{d}", e.Id, "job-1", Monday.AddDays(d).ToDateTime(new TimeOnly(6, 30)), Monday.AddDays(d).ToDateTime(new TimeOnly(17, 15)), d == 5 ? 40m : null)).ToList());
        var watch = Stopwatch.StartNew();
        var checkedCount = 0;
        foreach (var e in employees)
        {
            var week = TimecardTools.Workweek(cards[e.Id], Monday, e.BaseRate);
            var line = new PayrollLine("l", "r", e.Id, Monday, 40m, 24.5m, 0m, 100m, 3000m);
            checkedCount += PayrollCheckTools.Check(e, Monday, week, line, [], 0.25m).Difference is null ? 0 : 1;
        }

        var checkTime = watch.Elapsed;
        var tasks = Enumerable.Range(0, 5_000).Select(i => new ScheduleTask(
            $"st{i}", "job-1", "t", $"T{i % 8}", Monday.AddDays(i % 60), Monday.AddDays(i % 60 + 10), 200m, 10m)).ToList();
        watch.Restart();
        var rows = StaffingTools.Forecast(tasks, employees, Monday, DayOfWeek.Monday, 12, 40m);
        output.WriteLine($"payroll pre-check: {checkedCount} employee-weeks (12,000 punches) in {checkTime.TotalMilliseconds:0} ms");
        output.WriteLine($"staffing forecast: 5,000 tasks, 2,000 employees, 12 weeks -> {rows.Count} rows in {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(employees.Count, checkedCount);
        Assert.Equal(8 * 12, rows.Count);
    }
}
