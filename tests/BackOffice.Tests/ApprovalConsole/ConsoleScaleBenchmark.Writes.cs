using System.Diagnostics;
using System.Globalization;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Financial;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the first view of each heavy page after each kind of write, not warmed: a bill line, a bill header's date,
/// an invoice's, a payment's or a journal entry's date, a commitment line's amount (each changed in the bundle and
/// imported again, as a sync would), a financial note and a confirmed
/// link (through their stores, as the gate's executors write them). Each page gets its own write first, so each pays
/// for the analysis; the load average is printed beside each row.
/// </summary>
public sealed partial class ConsoleScaleBenchmark
{
    private static readonly string[] WriteKinds = ["bill line", "bill header", "invoice", "note", "link", "payment", "journal entry", "commitment"];

    private async Task WriteKindsAsync(ConsoleFactory factory, HttpClient client)
    {
        var cache = factory.Get<ReportCache>();
        var jobsDate = await ReportDatesForJobsAsync(factory);
        string[] pages = ["reports/cash-forecast?asOf=2026-11-20", "reports/wip?asOf=2026-11-20", "reports/wip-period?asOf=2026-11-20", "jobs"];
        output.WriteLine($"first view after a write, not warmed (jobs page as of {jobsDate:yyyy-MM-dd}): {"write",-12} | {string.Join(" | ", pages)} | per-key runs | load average");
        var number = 100;
        foreach (var kind in WriteKinds)
        {
            var times = new List<string>();
            var perKey = cache.PerKeyRuns;
            foreach (var page in pages)
            {
                await WriteAsync(factory, kind, number++);
                var (_, ms) = await GetAsync(client, $"/t/beta/{page}");
                times.Add(Ms(ms));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first view after a write, not warmed: {kind,-12} | {string.Join(" | ", times)} | {cache.PerKeyRuns - perKey} | {LoadAverage()}"));
        }
    }

    /// <summary>One write of <paramref name="kind"/>, printing how long it took.</summary>
    private async Task WriteAsync(ConsoleFactory factory, string kind, int number)
    {
        var tenant = factory.TenantPath("beta");
        var timer = Stopwatch.StartNew();
        switch (kind)
        {
            case "bill line":
                await CostLineAsync(factory, number);
                return;
            case "note":
                await NoteAsync(factory, $"kind-{number}");
                break;
            case "link":
                var jobs = await tenant.Project.JobsAsync(CancellationToken.None);
                var customers = await tenant.Ledger.CustomersAsync(CancellationToken.None);
                await tenant.ConfirmedLinks.PutAsync(new ConfirmedLink("job", jobs[number % jobs.Count].Id, customers[number % customers.Count].Id, number,
                    "2026-11-20T00:00:00Z"), CancellationToken.None);
                break;
            case "commitment":
                // Issue 17: one commitment line's amount scaled by 30 % (the property test's step), then imported again.
                Assert.True(await PerKeyStep.Sweep(kind, new(StepKind.ScaleAmount, 5, 13 * number, 30)).ApplyAsync(_bundle!, tenant, number, CancellationToken.None));
                await new BundleImporter(new ManualClock()).ImportAsync(_bundle!, tenant, "bench", null, CancellationToken.None);
                break;
            default:
                // A bill's, an invoice's, a payment's or a journal entry's date moved by a few days (PerKeyStep: Size - 20 days), then the bundle imported again.
                Assert.True(await new PerKeyStep(kind, null, 13 * number, 20 + (number % 2 == 0 ? 3 : -3)).ApplyAsync(_bundle!, tenant, number, CancellationToken.None));
                await new BundleImporter(new ManualClock()).ImportAsync(_bundle!, tenant, "bench", null, CancellationToken.None);
                break;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} write {number}: {timer.ElapsedMilliseconds} ms"));
    }
}
