using System.Diagnostics;

namespace BackOffice.Store.Bundle;

/// <summary>
/// One phase of an import: its time, the process's CPU time in it (every thread, the collector's included: on a shared
/// machine the wall time is mostly waiting), what it allocated, and the process's peak working set at its end.
/// </summary>
public sealed record ImportPhaseFigures(string Phase, double Seconds, long AllocatedBytes, long PeakWorkingSetBytes)
{
    public double CpuSeconds { get; init; }
}

/// <summary>
/// Issue 18: per-phase figures of an import (Stopwatch, GC allocations of the process, peak working set), so a change to
/// the import can say which phase it moved. Printed by `import` when BACKOFFICE_IMPORT_PROFILE=1. A phase marked again
/// (one per file, while the files are checked) adds to its first listing.
/// </summary>
internal sealed class ImportProfile
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ImportPhaseFigures> _phases = [];
    private long _allocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _cpu = CpuTime();

    public IReadOnlyList<ImportPhaseFigures> Phases => _phases;

    public void Mark(string phase)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var figures = new ImportPhaseFigures(phase, _clock.Elapsed.TotalSeconds, allocated - _allocated, process.PeakWorkingSet64)
        {
            CpuSeconds = (cpu - _cpu).TotalSeconds,
        };
        var earlier = _phases.FindIndex(p => p.Phase == phase);
        if (earlier < 0)
        {
            _phases.Add(figures);
        }
        else
        {
            var sum = _phases[earlier];
            _phases[earlier] = figures with
            {
                Seconds = sum.Seconds + figures.Seconds, CpuSeconds = sum.CpuSeconds + figures.CpuSeconds,
                AllocatedBytes = sum.AllocatedBytes + figures.AllocatedBytes,
            };
        }

        (_allocated, _cpu) = (allocated, cpu);
        _clock.Restart();
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
