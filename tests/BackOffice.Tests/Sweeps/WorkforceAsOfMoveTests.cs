using BackOffice.Kernel.Sweeps;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: Workforce at a later as-of date with the same inputs keeps its payroll-check findings while the latest
/// payroll run's weeks stay the same, and recomputes staffing; a run whose week starts between the dates, a backward
/// move and `--full` recompute everything. Every sweep here is checked against a full sweep of a copy.
/// </summary>
public sealed class WorkforceAsOfMoveTests
{
    // The demo's only payroll run pays the week of Monday 2026-11-02.
    private static readonly DateOnly Tuesday = new(2026, 11, 10);

    [Fact]
    public async Task Sweep_LaterDateSameRunWeeks_KeepsPayrollFindingsAndRecomputesStaffing()
    {
        using var bench = await AsOfMoveBench.CreateAsync("workforce");
        var first = await bench.SweepAsync(Tuesday, SweepMode.Full);

        var moved = await bench.SweepCheckedAsync(Tuesday.AddDays(3), "same week, nothing dated between");

        Assert.Contains(first.Findings, f => f.Check == "payroll-check");
        Assert.True(moved.PerKey);
        Assert.Equal(["payroll-check"], moved.PerKeyChecks);
        Assert.Equal(first.Findings.Where(f => f.Check == "payroll-check").Select(f => f.Key).Order(), moved.Findings.Where(f => f.Check == "payroll-check").Select(f => f.Key).Order());
    }

    [Fact]
    public async Task Sweep_LaterDateIntoANewRunsWeek_RecomputesThePayrollCheck()
    {
        // A second run paying the week of Monday 2026-11-16: a date from that Monday on checks that run instead.
        using var bench = await AsOfMoveBench.CreateAsync("workforce", bundle => File.AppendAllLines(Path.Combine(bundle, "workforce", "payroll-lines.csv"),
            ["prl-new,pr-2026-11-22,emp-1,2026-11-16,40,0,0,0.00,1500.00,,,,"]));
        await bench.SweepAsync(Tuesday, SweepMode.Full);

        var moved = await bench.SweepCheckedAsync(new DateOnly(2026, 11, 17), "a run's week entered");

        Assert.False(moved.PerKey);
        Assert.Contains(moved.Findings, f => f.Key == "workforce:payroll-check:emp-1:2026-11-16");
    }

    [Fact]
    public async Task Sweep_BackwardMoveOrFull_RecomputesEverything()
    {
        using var bench = await AsOfMoveBench.CreateAsync("workforce");
        await bench.SweepAsync(Tuesday, SweepMode.Full);

        var backward = await bench.SweepCheckedAsync(Tuesday.AddDays(-1), "backward");
        var full = await bench.SweepAsync(Tuesday.AddDays(2), SweepMode.Full);

        Assert.False(backward.PerKey);
        Assert.False(backward.Unchanged);
        Assert.False(full.PerKey);
    }

    [Fact]
    public async Task Sweep_LaterDateAfterATimecardImport_RecomputesFully()
    {
        using var bench = await AsOfMoveBench.CreateAsync("workforce");
        await bench.SweepAsync(Tuesday, SweepMode.Full);
        bench.AppendRow("workforce/timecards.csv", "tc-new,emp-1,job-103,2026-11-04T16:00,2026-11-04T18:00,");
        await bench.ImportAsync();

        var moved = await bench.SweepCheckedAsync(Tuesday.AddDays(1), "a timecard in the checked week");

        Assert.False(moved.PerKey);
    }
}
