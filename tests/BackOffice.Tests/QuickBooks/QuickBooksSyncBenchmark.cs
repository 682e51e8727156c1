using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using Xunit.Abstractions;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13 benchmark, not a timed test: a full sync of a company with 100,000 bills from the fake QuickBooks (time,
/// requests, and requests against Intuit's 500-a-minute budget, whose floor is the number of pages), then a CDC sync of
/// 1,000 changes. Runs only with BACKOFFICE_BENCH=1:
/// <c>BACKOFFICE_BENCH=1 dotnet test --filter QuickBooksSyncBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class QuickBooksSyncBenchmark(ITestOutputHelper output)
{
    private const int Changes = 1_000;

    /// <summary>100,000 as the issue asks; BACKOFFICE_BENCH_QBO_BILLS sets fewer on a busy machine.</summary>
    private static int Transactions => int.TryParse(Environment.GetEnvironmentVariable("BACKOFFICE_BENCH_QBO_BILLS"), CultureInfo.InvariantCulture, out var n) ? n : 100_000;

    [Fact]
    public async Task FullSyncThenCdc_100kBills_PrintsTimeAndRequests()
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_BENCH") != "1")
        {
            output.WriteLine("skipped: set BACKOFFICE_BENCH=1");
            return;
        }

        await using var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (var i = 0; i < Transactions; i++)
        {
            h.Fake.Add("Bill", QuickBooksHarness.Bill((100_000 + i).ToString(CultureInfo.InvariantCulture), $"B-{i}", 100m + (i % 1000)), before);
        }

        var sync = h.Get<QuickBooksSync>();
        output.WriteLine($"{Transactions} bills in the fake");
        Console.WriteLine($"{Transactions} bills in the fake");
        var full = await sync.SyncAsync(h.Tenant, full: true, null, CancellationToken.None);
        Print("full", full);
        Assert.Equal(Transactions + 8, full.Total.Added);

        for (var i = 0; i < Changes; i++)
        {
            h.Fake.Touch("Bill", (100_000 + (i * Math.Max(1, Transactions / Changes))).ToString(CultureInfo.InvariantCulture), b => b["PrivateNote"] = "changed");
        }

        var cdc = await sync.SyncAsync(h.Tenant, full: false, null, CancellationToken.None);
        Print("cdc", cdc);
        Assert.Equal(Changes, cdc.Entities["Bill"].Changed);
    }

    private void Print(string name, SyncReport report)
    {
        var minutes = report.Elapsed.TotalMinutes;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {report.Total.Read} read, {report.Total.Added} added, {report.Total.Changed} changed in {report.Elapsed.TotalSeconds:0.0} s; " +
            $"{report.Requests} requests ({report.Requests / Math.Max(minutes, 1.0 / 60):0} a minute at this speed; at Intuit's 500 a minute they need at least {report.Requests / 500.0:0.00} min)");
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
