using System.Diagnostics;
using System.Globalization;

namespace BackOffice.Kernel.Abstractions.Agents;

/// <summary>
/// Issue 18: how long each stage of an agent's sweep took (the load, each check), reported as one progress line so a
/// `sweep --full --agent NAME` run shows which check dominates. Figures are not touched.
/// </summary>
public sealed class StageTimes(string agent)
{
    private readonly List<(string Stage, TimeSpan Took)> _stages = [];

    public T Time<T>(string stage, Func<T> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = run();
        _stages.Add((stage, Stopwatch.GetElapsedTime(started)));
        return result;
    }

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        _stages.Add((stage, Stopwatch.GetElapsedTime(started)));
        return result;
    }

    /// <summary>"financial: load 5,120 ms, reconciliation 830 ms, ..." in the order the stages ran.</summary>
    public override string ToString() =>
        $"{agent}: " + string.Join(", ", _stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Took.TotalMilliseconds:#,0} ms")));
}

/// <summary>Timing that is optional: a load shared by reports (no timer) and sweeps (a timer) reads the same.</summary>
public static class StageTimesExtensions
{
    public static Task<T> TimedAsync<T>(this StageTimes? times, string stage, Func<Task<T>> run) =>
        times is null ? run() : times.TimeAsync(stage, run);
}
