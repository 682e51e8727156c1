using System.Diagnostics;
using System.Globalization;
using System.Net;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
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
        var job = (await factory.TenantPath("beta").Project.JobsAsync(CancellationToken.None))[0].Name;
        var reports = factory.Get<IEnumerable<IReport>>().ToList();
        var pages = new List<string> { "inbox", "findings", "audit", "reports" };
        pages.AddRange(reports.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).Where(n => n is not ("g702" or "g703" or "cost-detail")).Select(n => $"reports/{n}?asOf=2026-11-20")); // a generated tenant has no G703 lines
        pages.AddRange(["reports/ledger-bills?asOf=2026-11-20&page=40&sort=total&dir=desc", $"reports/wip?asOf=2026-11-20&job={Uri.EscapeDataString(job)}", $"reports/cost-detail?asOf=2026-11-20&job={Uri.EscapeDataString(job)}", "jobs", "dashboard"]);
        await client.GetAsync("/t/beta/reports/findings"); // warm: first use of a route compiles it
        output.WriteLine($"{"page",-66} status size | before: report computed | first view | again (cached) | API JSON");
        foreach (var page in pages)
        {
            var before = await UncachedAsync(factory, reports, page, job);
            var (first, firstMs) = await GetAsync(client, $"/t/beta/{page}");
            var (again, againMs) = await GetAsync(client, $"/t/beta/{page}");
            var (json, apiMs) = page.StartsWith("reports/", StringComparison.Ordinal) ? await GetAsync(client, $"/api/tenants/beta/{page}") : (null, 0);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page,-66} {(int)again.StatusCode} {again.Body.Length / 1024.0,7:0.0} KB | {before,8:0} ms | {firstMs,6:0} ms | {againMs,6:0} ms | {(json?.Body.Length ?? 0) / 1024.0,8:0.0} KB {apiMs,6:0} ms"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.True(again.Body.Length < MaxBytes, $"{page} is {again.Body.Length} bytes");
        }
    }

    private sealed record Fetched(HttpStatusCode StatusCode, byte[] Body);

    private static async Task<(Fetched Response, double Ms)> GetAsync(HttpClient client, string url)
    {
        var timer = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (new Fetched(response.StatusCode, body), timer.Elapsed.TotalMilliseconds);
    }

    /// <summary>What a report page cost before issue 17's cache: the report computed from the books, with no memo.</summary>
    private static async Task<double> UncachedAsync(ConsoleFactory factory, IReadOnlyList<IReport> reports, string page, string job)
    {
        if (!page.StartsWith("reports/", StringComparison.Ordinal) || page == "reports")
        {
            return 0;
        }

        var name = page["reports/".Length..].Split('?')[0];
        var report = ((CachedReport)reports.Last(r => r.Name == name)).Inner;
        var timer = Stopwatch.StartNew();
        await report.RunAsync(new ReportRequest(factory.TenantPath("beta"), new DateOnly(2026, 11, 20), page.Contains("job=", StringComparison.Ordinal) ? job : null), CancellationToken.None);
        return timer.Elapsed.TotalMilliseconds;
    }
}
