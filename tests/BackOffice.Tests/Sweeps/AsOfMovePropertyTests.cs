using System.Globalization;
using BackOffice.Kernel.Sweeps;
using CsCheck;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: after a random series of as-of date moves (forward 1 to 40 days, sometimes backward or the same day) mixed
/// with changes each agent reads, the incremental sweep of Workforce and of Documents leaves the same findings and
/// proposals as a full sweep of a copy taken just before it. Fixed seeds; CsCheck shrinks a failing series.
/// </summary>
public sealed class AsOfMovePropertyTests
{
    /// <summary>A move of the date: mostly forward, sometimes backward or none.</summary>
    private static readonly Gen<int> Days = Gen.Frequency((6, Gen.Int[1, 40]), (1, Gen.Int[-10, -1]), (1, Gen.Const(0)));

    /// <summary>(change kind, 0 = none; the days the date moves; which row or policy and how far a date shifts).</summary>
    private static readonly Gen<(int Change, int Days, int Pick)> Steps =
        Gen.Select(Gen.Frequency((4, Gen.Const(0)), (3, Gen.Int[1, 3])), Days, Gen.Int[0, 1000]);

    [Fact]
    public async Task WorkforceSweep_RandomDateMovesAndTimeChanges_SameAsAFullSweepOfACopy()
    {
        // A pure move in the run's week, a payroll run a week ahead, moves into it, a timecard near the date, a long move.
        (int, int, int)[] prefix = [(0, 2, 0), (2, 1, 14), (0, 6, 0), (0, 3, 0), (1, 1, 3), (0, 30, 0)];
        await Steps.Array[10, 14].SampleAsync(steps => WorkforceAsync([.. prefix, .. steps]), iter: 1, seed: "0000000018b7", threads: 1);
    }

    [Fact]
    public async Task DocumentsSweep_RandomDateMovesAndPolicyChanges_SameAsAFullSweepOfACopy()
    {
        // Moves across policies' windows and expiries, an expiry moved by the sync, a document dropped and taken out.
        (int, int, int)[] prefix = [(0, 5, 0), (0, 12, 0), (1, 3, 40), (0, 9, 0), (2, 2, 0), (3, 1, 0), (0, 20, 0)];
        await Steps.Array[10, 14].SampleAsync(steps => DocumentsAsync([.. prefix, .. steps]), iter: 1, seed: "0000000018d3", threads: 1);
    }

    private static async Task WorkforceAsync((int Change, int Days, int Pick)[] steps)
    {
        using var bench = await AsOfMoveBench.CreateAsync("workforce");
        var asOf = new DateOnly(2026, 11, 3);
        await bench.SweepAsync(asOf, SweepMode.Full);
        var (kept, recomputed) = (0, 0);
        for (var i = 0; i < steps.Length; i++)
        {
            var (change, days, pick) = steps[i];
            var next = asOf.AddDays(days);
            switch (change)
            {
                case 1:
                    // A time entry dated within four days of the new date, on a demo job.
                    var day = next.AddDays(pick % 9 - 4);
                    bench.AppendRow("workforce/timecards.csv", $"tc-p{i},emp-{1 + pick % 3},job-103,{Day(day)}T07:00,{Day(day)}T{11 + pick % 6}:00,");
                    break;
                case 2:
                    // A payroll line of a new run for a week starting a week before to two weeks after the new date.
                    var week = next.AddDays(pick % 21 - 7);
                    week = week.AddDays(-(((int)week.DayOfWeek + 6) % 7));
                    bench.AppendRow("workforce/payroll-lines.csv", $"prl-p{i},pr-p{i},emp-{1 + pick % 3},{Day(week)},40,{pick % 5},0,0.00,{1200 + pick}.00,,,,");
                    break;
                case 3:
                    await new IncrementalSweepStep(StepKind.ScaleAmount, 3, pick, 1 + pick % 40).ApplyAsync(bench.Bundle, bench.Data, i, CancellationToken.None);
                    break;
            }

            if (change != 0)
            {
                await bench.ImportAsync();
            }

            var outcome = await bench.SweepCheckedAsync(next, $"step {i}: change {change}, {days:+0;-0;0} days");
            kept += outcome.PerKey ? 1 : 0;
            recomputed += days > 0 && !outcome.PerKey && !outcome.Unchanged ? 1 : 0;
            asOf = next;
        }

        Assert.True(kept > 0, "no sweep at a new date kept the payroll findings");
        Assert.True(recomputed > 0, "no sweep at a new date recomputed the payroll check");
    }

    private static async Task DocumentsAsync((int Change, int Days, int Pick)[] steps)
    {
        using var bench = await AsOfMoveBench.CreateAsync("documents");
        bench.ClearInbox();
        string[] vendors = ["pv-02", "pv-03", "pv-08"];
        var asOf = new DateOnly(2026, 11, 3);
        for (var p = 0; p < 6; p++)
        {
            await bench.PutPolicyAsync($"pol-{p}", vendors[p % 3], asOf.AddDays(8 * p + 2));
        }

        await bench.SweepAsync(asOf, SweepMode.Full);
        var (perPolicy, recomputed) = (0, 0);
        for (var i = 0; i < steps.Length; i++)
        {
            var (change, days, pick) = steps[i];
            var next = asOf.AddDays(days);
            switch (change)
            {
                case 1:
                    await bench.PutPolicyAsync($"pol-{pick % 6}", vendors[pick % 3], next.AddDays(pick % 60 - 10));
                    break;
                case 2:
                    await new IncrementalSweepStep(StepKind.DropInboxFile, 0, 0, 1 + pick % 40).ApplyAsync(bench.Bundle, bench.Data, i, CancellationToken.None);
                    break;
                case 3:
                    bench.ClearInbox();
                    break;
            }

            var outcome = await bench.SweepCheckedAsync(next, $"step {i}: change {change}, {days:+0;-0;0} days");
            perPolicy += outcome.PerKey ? 1 : 0;
            recomputed += days > 0 && !outcome.PerKey && !outcome.Unchanged ? 1 : 0;
            asOf = next;
        }

        Assert.True(perPolicy > 0, "no sweep at a new date recomputed only the policies the date changed");
        Assert.True(recomputed > 0, "no sweep at a new date recomputed fully");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
