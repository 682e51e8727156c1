using System.Diagnostics;
using System.Globalization;
using System.Net;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17's scale check: a generated 200-job tenant (`backoffice generate --jobs 200`, default 2,000 ledger lines a job,
/// imported by the real importer, every agent swept), then every list page of the console, printing its size and
/// render time. Runs only with BACKOFFICE_BENCH=1 (BACKOFFICE_BENCH_LINES sets the lines a job). Asserts the size
/// (under 500 KB, one page of 50 rows), never the time.
/// </summary>
public sealed class ConsoleScaleBenchmark(ITestOutputHelper output)
{
    private const int MaxBytes = 500 * 1024;

    [Fact]
    public async Task EveryListPage_200JobTenant_PrintsSizeAndTime()
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_BENCH") != "1")
        {
            output.WriteLine("skipped: set BACKOFFICE_BENCH=1");
            return;
        }

        var lines = int.TryParse(Environment.GetEnvironmentVariable("BACKOFFICE_BENCH_LINES"), out var l) ? l : GeneratorOptions.DefaultLinesPerJob;
        using var factory = new ConsoleFactory();
        using var client = await factory.ApiAsync("bea");
        var setup = Stopwatch.StartNew();
        var bundle = BundleGenerator.Write(Path.Combine(factory.Root, "bundle-200"), new GeneratorOptions(200, 1, lines));
        await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, factory.TenantPath("beta"), "bench", null, CancellationToken.None);
        var runner = factory.Get<SweepRunner>();
        foreach (var agent in runner.Agents)
        {
            await runner.RunAsync("beta", agent.Name, new DateOnly(2026, 11, 20), "bench", 1, new Progress<string>(), CancellationToken.None);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"200 jobs x {lines} ledger lines: generate+import+sweep {setup.Elapsed.TotalSeconds:0.0} s"));
        var pages = new List<string> { "inbox", "findings", "audit", "jobs", "reports" };
        pages.AddRange(factory.Get<IEnumerable<IReport>>().Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).Select(n => $"reports/{n}?asOf=2026-11-20"));
        pages.Add("reports/ledger-bills?asOf=2026-11-20&page=40&sort=total&dir=desc");
        foreach (var page in pages)
        {
            await client.GetAsync($"/t/beta/{page}"); // warm: first use of a route compiles it
            var timer = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/t/beta/{page}");
            var body = await response.Content.ReadAsByteArrayAsync();
            timer.Stop();
            // The same report through the JSON API: what computing the report costs, apart from the console's page.
            var api = Stopwatch.StartNew();
            var json = page.StartsWith("reports/", StringComparison.Ordinal) ? await client.GetByteArrayAsync($"/api/tenants/beta/{page}") : [];
            api.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page,-66} {(int)response.StatusCode} {body.Length / 1024.0,7:0.0} KB {timer.Elapsed.TotalMilliseconds,6:0} ms (API JSON {json.Length / 1024.0,8:0.0} KB {api.Elapsed.TotalMilliseconds,6:0} ms)"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(body.Length < MaxBytes, $"{page} is {body.Length} bytes");
        }
    }
}
