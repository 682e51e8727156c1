using System.Diagnostics;
using System.Globalization;

namespace BackOffice.Kernel.Abstractions.Agents;

/// <summary>
/// Issue 18: how long each stage of an agent's sweep took (the load, each check), reported as one progress line so a
/// `sweep --full --agent NAME` run shows which check dominates. Besides the wall time, each stage shows the process's
/// CPU time and the bytes it allocated: on a shared machine the wall time follows the load, the CPU time and the
/// allocations follow the code (SQLite runs in the process, so its work counts; PostgreSQL's does not). Figures are not touched.
/// </summary>
public sealed class StageTimes(string agent)
{
    private readonly List<(string Stage, StageCost Cost)> _stages = [];

    public T Time<T>(string stage, Func<T> run)
    {
        var started = StageCost.Now();
        var result = run();
        _stages.Add((stage, StageCost.Since(started)));
        return result;
    }

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> run)
    {
        var started = StageCost.Now();
        var result = await run();
        _stages.Add((stage, StageCost.Since(started)));
        return result;
    }

    /// <summary>"financial: load 5,120 ms (cpu 2,300 ms, 410 MB), reconciliation 830 ms (...), ..." in the order the stages ran.</summary>
    public override string ToString() => $"{agent}: " + string.Join(", ", _stages.Select(s => $"{s.Stage} {s.Cost}"));
}

/// <summary>Wall time, process CPU time and bytes allocated, as a point (<see cref="Now"/>) or as the cost since one.</summary>
public readonly record struct StageCost(long Wall, TimeSpan Cpu, long Allocated)
{
    public static StageCost Now() =>
        new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false));

    public static StageCost Since(StageCost start)
    {
        var now = Now();
        return new StageCost(Stopwatch.GetElapsedTime(start.Wall, now.Wall).Ticks, now.Cpu - start.Cpu, now.Allocated - start.Allocated);
    }

    /// <summary>"5,120 ms (cpu 2,300 ms, 410 MB)" for a cost taken by <see cref="Since"/> (its wall is in ticks).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TimeSpan.FromTicks(Wall).TotalMilliseconds:#,0} ms (cpu {Cpu.TotalMilliseconds:#,0} ms, {Allocated / (1024 * 1024):#,0} MB)");
}

/// <summary>Timing that is optional: a load shared by reports (no timer) and sweeps (a timer) reads the same.</summary>
public static class StageTimesExtensions
{
    public static Task<T> TimedAsync<T>(this StageTimes? times, string stage, Func<Task<T>> run) =>
        times is null ? run() : times.TimeAsync(stage, run);
}
