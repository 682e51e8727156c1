using System.Diagnostics;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.Postgres;
using Xunit.Abstractions;

namespace BackOffice.Tests.Postgres;

/// <summary>Runs only with BACKOFFICE_BENCH=1: benchmarks print figures, they assert no timing (issue 18).</summary>
public sealed class BenchFactAttribute : TheoryAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_BENCH") != "1")
        {
            Skip = "Benchmark: set BACKOFFICE_BENCH=1 to run it.";
        }
    }
}

/// <summary>
/// Issue 18: the gate's store on each engine, two hosts (two data sources) on one store: inserting proposals, approving
/// distinct proposals concurrently (per-operation p50/p99), and 100 racing approvals of one proposal. Prints the machine's
/// load average beside the figures. `BACKOFFICE_BENCH=1 dotnet test --filter GateStoreBenchmarks --logger "console;verbosity=detailed"`.
/// </summary>
public sealed class GateStoreBenchmarks(ITestOutputHelper output)
{
    private const int Proposals = 1_000;
    private const int Workers = 16;

    [BenchFact]
    [StoreProviders]
    public async Task GateStore_ThousandApprovalsFromTwoHosts_PrintsThroughputAndLatency(string provider)
    {
        foreach (var tenants in new[] { 1, 20 })
        {
            await using var store = await StoreUnderTest.CreateAsync(provider);
            var hosts = new[] { store.Source, store.SecondHost() };
            TenantData Tenant(int i) => hosts[i % 2].For($"t{i % tenants}");
            var clock = Stopwatch.StartNew();
            var ids = new List<long>();
            for (var i = 0; i < Proposals; i++)
            {
                ids.Add(await GateStoreProviderTests.InsertAsync(Tenant(i), $"bench:{i}"));
            }

            var insertMs = clock.Elapsed.TotalMilliseconds;
            var latencies = new double[Proposals];
            clock.Restart();
            await Parallel.ForAsync(0, Proposals, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, ct) =>
            {
                var one = Stopwatch.StartNew();
                await using var unit = await Tenant(i).WriteAsync(ct);
                Assert.True(await ProposalStore.DecideAsync(unit, ids[i], "proposed", "approved", "lead@acme", "t", null, ct));
                await unit.CommitAsync(ct);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            });
            var approveMs = clock.Elapsed.TotalMilliseconds;
            Array.Sort(latencies);

            output.WriteLine($"{provider}, {tenants} tenant(s): {Proposals} inserts {insertMs:F0} ms ({Proposals / insertMs * 1000:F0}/s, one at a time); " +
                $"{Proposals} approvals by {Workers} workers on 2 hosts {approveMs:F0} ms ({Proposals / approveMs * 1000:F0}/s), " +
                $"p50 {latencies[Proposals / 2]:F1} ms, p99 {latencies[Proposals * 99 / 100]:F1} ms; load average {LoadAverage()}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
