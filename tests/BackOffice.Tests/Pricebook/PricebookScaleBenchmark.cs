using System.Diagnostics;
using System.Globalization;
using BackOffice.Agents.Pricebook;
using BackOffice.Domain.Pricebook;
using BackOffice.Host.Cli;
using BackOffice.Store.Pricebook;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Dapper;
using Xunit.Abstractions;

namespace BackOffice.Tests.Pricebook;

/// <summary>
/// Issue 8's scale: a generated 50,000-line price file against a generated 20,000-item pricebook, through import
/// (read, map, parse, store) and analysis (match, re-cost). Prints time and memory; asserts only correctness, never
/// speed. It runs in the default suite because it takes a few seconds; filter it out with Category!=Benchmark.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class PricebookScaleBenchmark(ITestOutputHelper output) : IDisposable
{
    private const int Items = 20_000;
    private const int Lines = 50_000;
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ImportAndAnalyse_50kLinesAgainst20kItems_PrintsTimeAndMemory()
    {
        var path = _temp.Tenant("big");
        await SeedItemsAsync(path);
        var file = Path.Combine(_temp.Root, "big.csv");
        await WriteFileAsync(file);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var import = await PricebookImport.RunAsync(path, file, "Big Supply", false, "bench", DateTimeOffset.UnixEpoch, CancellationToken.None);
        var importTime = clock.Elapsed;
        var picture = await PricebookAnalysis.RunAsync(path, new PricebookOptions(), new DateOnly(2026, 11, 20), CancellationToken.None);
        var total = clock.Elapsed;

        var analysis = Assert.Single(picture.Files);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import (read+map+parse+store) {import.GoodLines} lines: {importTime.TotalMilliseconds:0} ms; match+re-cost against {Items} items: {(total - importTime).TotalMilliseconds:0} ms; total {total.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:0.0} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0} MiB (whole test process)"));
        output.WriteLine($"re-costed {analysis.Recosts.Count}, ambiguous {analysis.Ambiguous.Count}, unmatched {analysis.Unmatched.Count}, problems {analysis.Problems.Count}");
        Assert.Equal(Lines, import.GoodLines);
        Assert.Equal(Items, analysis.Recosts.Count);
        Assert.Equal(Lines - Items, analysis.Unmatched.Count);
    }

    /// <summary>Half the items carry the vendor's SKU, half are matched by a reworded description; unique sizes keep them apart.</summary>
    private static async Task SeedItemsAsync(BackOffice.Store.Tenancy.TenantData path)
    {
        await using var c = await path.OpenAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync(
            """
            INSERT INTO pricebook_items (id, sku, description, category, unit, unit_cost_e4, sell_price_cents, vendor_name, vendor_sku, row_hash)
            VALUES (@Id, NULL, @Description, 'Lumber', 'EA', 100000, 1500, 'Big Supply', @VendorSku, 'x')
            """,
            Enumerable.Range(0, Items).Select(i => new
            {
                Id = $"pb-{i:D5}", Description = $"widget {i}x{i % 97}x{i % 13} grade {Word(i)}", VendorSku = i % 2 == 0 ? $"BS-{i:D5}" : null,
            }), tx);
        await tx.CommitAsync();
    }

    private static async Task WriteFileAsync(string path)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync("Item #,Description,UOM,Price,Effective");
        for (var i = 0; i < Lines; i++)
        {
            var known = i < Items;
            var sku = known && i % 2 == 0 ? $"BS-{i:D5}" : $"NEW-{i:D6}";
            var description = known ? $"Widget {i}x{i % 97}x{i % 13}, Grade {Word(i)}" : $"gadget {i} model {i % 500}";
            await writer.WriteLineAsync($"{sku},\"{description}\",EA,{10 + (i % 300) / 100m:0.00},2026-11-01");
        }
    }

    private static string Word(int i) => ((char)('a' + i % 26)).ToString() + (char)('a' + i / 26 % 26);
}
