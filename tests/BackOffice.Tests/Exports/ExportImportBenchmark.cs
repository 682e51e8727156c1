using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace BackOffice.Tests.Exports;

/// <summary>
/// Time to import a generated Buildertrend purchase-order export (issue 14): N rows over 50 jobs and 200 vendors, every
/// name resolved through the matcher. Prints figures; runs only when BACKOFFICE_BENCH=1.
/// </summary>
public sealed class ExportImportBenchmark(ITestOutputHelper output) : IDisposable
{
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public async Task Import_GeneratedPurchaseOrders_PrintsTime(int rows)
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_BENCH") != "1")
        {
            output.WriteLine("skipped: set BACKOFFICE_BENCH=1");
            return;
        }

        // Made-up words, so names differ as real ones do (numbered names like "Vendor 001" and "Vendor 002" look alike to the matcher).
        var random = new Random(14);
        var jobs = Enumerable.Range(0, 50).Select(_ => $"{Word(random)} {Word(random)} Residence").ToArray();
        var vendors = Enumerable.Range(0, 200).Select(_ => $"{Word(random)} {Word(random)} LLC").ToArray();
        var text = new StringBuilder("Purchase Orders\n\nJob,PO #,Title,PO Status,Performed By,Cost,Cost Code,Created Date\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{jobs[i % 50]},{i},PO {i},Sent,{vendors[i % 200]},\"${1000 + i:#,##0}.25\",06-100,10/{1 + (i % 28):00}/2026\n");
        }

        var file = _kit.Write("po.csv", text.ToString());
        var clock = Stopwatch.StartNew();
        var result = await _kit.ImportAsync("buildertrend", file);
        clock.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows} rows: {clock.Elapsed.TotalSeconds:0.00} s ({rows / clock.Elapsed.TotalSeconds:0} rows/s), {result.Summary!.Added} records added"));
        Assert.Equal(rows, result.Batch.RowCounts["po.csv"].Imported);
    }

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, 7).Select(i => (char)((i == 0 ? 'A' : 'a') + random.Next(26))));
}
