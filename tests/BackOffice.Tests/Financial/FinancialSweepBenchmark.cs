using System.Diagnostics;
using System.Globalization;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Support;
using Xunit.Abstractions;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Time and memory of a full Financial sweep over a generated clean bundle (`backoffice generate --clean`, imported by the real importer) (issue 3). Prints figures; asserts only that
/// clean books give no findings. 1,000 jobs run when BACKOFFICE_BENCH_FULL=1 (about two million ledger lines).
/// </summary>
public sealed class FinancialSweepBenchmark(ITestOutputHelper output) : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(10, 2000)]
    [InlineData(100, 2000)]
    [InlineData(1000, 2000)]
    public async Task Sweep_GeneratedCleanBooks_PrintsTimeAndMemory(int jobs, int linesPerJob)
    {
        if (jobs > 100 && Environment.GetEnvironmentVariable("BACKOFFICE_BENCH_FULL") != "1")
        {
            output.WriteLine($"{jobs} jobs skipped: set BACKOFFICE_BENCH_FULL=1");
            return;
        }

        var tenant = $"bench{jobs}";
        var write = Stopwatch.StartNew();
        await GeneratedBooks.ImportAsync(_temp, tenant, new GeneratorOptions(jobs, 1, linesPerJob, Clean: true));
        write.Stop();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sweep = Stopwatch.StartNew();
        var result = await GeneratedBooks.SweepAsync(_temp, tenant);
        sweep.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{jobs} jobs x {linesPerJob} ledger lines: generate+import {write.Elapsed.TotalSeconds:0.0} s, sweep {sweep.Elapsed.TotalSeconds:0.00} s, " +
            $"allocated {allocated / 1048576.0:0} MiB, peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB, findings {result.Findings.Count}"));
        Assert.Empty(result.Findings);
        Assert.Empty(result.Proposals);
    }
}
