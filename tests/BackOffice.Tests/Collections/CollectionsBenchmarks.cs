using System.Diagnostics;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Store.Sqlite;
using BackOffice.Tools.Collections;
using Dapper;
using Xunit.Abstractions;

namespace BackOffice.Tests.Collections;

/// <summary>Measurements, printed rather than asserted (timed asserts flake on a shared machine).</summary>
public sealed class CollectionsBenchmarks(ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public void Worklist_FiftyThousandInvoices_PrintsTimings()
    {
        var invoices = Enumerable.Range(0, 50_000).Select(i => new ArInvoice($"i-{i}", $"c-{i % 5_000}", null,
            AsOf.AddDays(-(i % 200) - 30), AsOf.AddDays(-(i % 200) + 20), 1_000m + i % 977, i % 10 == 0 ? 100m : 0m)).ToList();
        var payments = Enumerable.Range(0, 20_000).Select(i => new LedgerPayment($"p-{i}", $"c-{i % 5_000}", AsOf.AddDays(-(i % 90)), 500m, i % 7 == 0 ? 250m : 0m, null)).ToList();
        var lines = payments.Select((p, i) => new ArPaymentLine(p.Id, $"i-{i * 2}", 250m)).ToList();
        var promises = Enumerable.Range(0, 2_000).Select(i => new PromiseToPay($"ptp-{i}", $"i-{i * 25}", 100m, AsOf.AddDays(i % 2 == 0 ? 5 : -5), AsOf.AddDays(-20))).ToList();
        var families = Enumerable.Range(0, 5_000).ToDictionary(i => $"c-{i}", i => $"c-{i - i % 2}");
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var open = AgingTools.OpenItems(invoices, payments, lines, AsOf);
        var aging = AgingTools.ByCustomer(open, invoices, AsOf);
        var agingMs = clock.Elapsed.TotalMilliseconds;
        var chase = ChaseListTools.Build(open, payments, lines, promises, [], families, AsOf);
        var chaseMs = clock.Elapsed.TotalMilliseconds - agingMs;
        var queue = QueueScoring.Rank(chase.Chase, QueueScoring.AverageDaysLate(invoices, payments, lines, families, AsOf), families);
        var total = clock.Elapsed.TotalMilliseconds;

        Assert.Equal(chase.Chase.Count, queue.Count);
        Assert.Equal(open.Count, chase.Chase.Count + chase.Removed.Count);
        output.WriteLine($"50,000 invoices, 20,000 payments, 2,000 promises: {open.Count} open, {aging.Count} aging rows, {queue.Count} queued, {chase.Removed.Count} removed");
        output.WriteLine($"aging {agingMs:F0} ms, chase list {chaseMs:F0} ms, queue {total - agingMs - chaseMs:F0} ms, total {total:F0} ms, " +
                         $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1_048_576.0:F1} MB allocated");
    }

    [Fact]
    public async Task Sweep_FiveThousandInvoicesInSqlite_PrintsTimings()
    {
        using var f = new CollectionsFixture();
        await f.SeedAsync();
        await using (var c = await f.Path.OpenAsync(CancellationToken.None))
        {
            await using var tx = c.BeginTransaction();
            for (var i = 0; i < 5_000; i++)
            {
                await c.ExecuteAsync(
                    "INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash) VALUES (@id, @cust, @id, @txn, @due, @cents, 0, 'x')",
                    new { id = $"inv-{i}", cust = i % 2 == 0 ? "cust-2" : "cust-4", txn = CollectionsFixture.Day(AsOf.AddDays(-(i % 150) - 30)),
                          due = CollectionsFixture.Day(AsOf.AddDays(-(i % 150))), cents = 100_000 + i }, tx);
            }

            tx.Commit();
        }

        var clock = Stopwatch.StartNew();
        var result = await f.SweepAsync();

        Assert.NotEmpty(result.Proposals);
        output.WriteLine($"sweep of 5,000 open invoices: {result.Findings.Count} findings, {result.Proposals.Count} proposals in {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
