using BackOffice.Domain.Ledger;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sweeps;
using BackOffice.Tests.Gate;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>Issue 18: imports and sandbox ledger writes record which entities they touched, with the change, and nothing else.</summary>
public sealed class ChangeJournalTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _temp.Dispose();

    private async Task<string> ImportAsync(string bundle)
    {
        await new BundleImporter(new ManualClock()).ImportAsync(bundle, _temp.Tenant("gen"), "test", null, _ct);
        return bundle;
    }

    /// <summary>Edits the first line of the bundle's bill-lines.csv in place, or appends the edited copy.</summary>
    private static void EditFirstBillLine(string bundle, Action<string[], string[]> edit, bool asNewRow = false)
    {
        var file = Path.Combine(bundle, "ledger", "bill-lines.csv");
        var lines = File.ReadAllLines(file).ToList();
        var fields = lines[1].Split(',');
        edit(lines[0].Split(','), fields);
        if (asNewRow)
        {
            lines.Add(string.Join(',', fields));
        }
        else
        {
            lines[1] = string.Join(',', fields);
        }

        File.WriteAllLines(file, lines);
    }

    [Fact]
    public async Task Import_GeneratedBundle_RecordsEachJobCustomerAndVendorOncePerTable()
    {
        var bundle = BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(3, 5, 20, Clean: true)).Directory;

        await ImportAsync(bundle);

        var entries = await _temp.Tenant("gen").Changes.SinceAsync(0, _ct);
        Assert.Equal(["job-0", "job-1", "job-2"], entries.Where(e => e.Kind == "job").Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(entries, e => e.Kind == "customer" && e.Key == "cust-0");
        Assert.Contains(entries, e => e.Kind == "vendor");
        // Once per entity and table written (issue 18: the table lets an agent that never reads it skip the change).
        Assert.Equal(entries.Count, entries.Select(e => (e.Kind, e.Key, e.Table)).Distinct().Count());
        Assert.Contains(entries, e => e.Kind == "customer" && e.Key == "cust-0" && e.Table == "ledger_bill_lines");
        Assert.All(entries, e => Assert.NotNull(e.Table));
        Assert.All(entries, e => Assert.StartsWith("import:", e.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_DemoBundle_RecordsItsInboxDocumentsAndNothingOnReimport()
    {
        await ImportAsync(RepoPaths.DemoBundle);
        var inbox = Directory.GetFiles(Path.Combine(RepoPaths.DemoBundle, "inbox")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);

        await ImportAsync(RepoPaths.DemoBundle);

        var documents = (await _temp.Tenant("gen").Changes.SinceAsync(0, _ct)).Where(e => e.Kind == "document").Select(e => e.Key);
        Assert.NotEmpty(inbox);
        Assert.Equal(inbox, documents.Order(StringComparer.Ordinal));
        Assert.Empty(await _temp.Tenant("gen").Changes.SinceAsync(latest, _ct));
    }

    [Fact]
    public async Task Reimport_Unchanged_RecordsNothing()
    {
        var bundle = await ImportAsync(BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(2, 5, 20, Clean: true)).Directory);
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);

        await ImportAsync(bundle);

        Assert.Empty(await _temp.Tenant("gen").Changes.SinceAsync(latest, _ct));
    }

    [Fact]
    public async Task Reimport_BillLineMovedToAnotherJob_RecordsBothJobsAndTheBill()
    {
        var bundle = await ImportAsync(BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(2, 5, 20, Clean: true)).Directory);
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);
        var bill = "";
        EditFirstBillLine(bundle, (_, fields) =>
        {
            bill = fields[1];
            fields[4] = fields[4] == "cust-0" ? "cust-1" : "cust-0";
        });

        await ImportAsync(bundle);

        var entries = (await _temp.Tenant("gen").Changes.SinceAsync(latest, _ct)).Select(e => (e.Kind, e.Key)).Order().ToList();
        Assert.Equal([("customer", "cust-0"), ("customer", "cust-1"), ("ledger_bills", bill)], entries);
    }

    [Fact]
    public async Task Reimport_BillLineDescriptionChanged_RecordsTheTableAndTheColumn()
    {
        var bundle = await ImportAsync(BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(2, 5, 20, Clean: true)).Directory);
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);
        EditFirstBillLine(bundle, (header, fields) => fields[Array.IndexOf(header, "description")] = "changed");

        await ImportAsync(bundle);

        var writes = await _temp.Tenant("gen").Changes.WritesBetweenAsync(latest, long.MaxValue, _ct);
        var write = Assert.Single(writes);
        Assert.Equal("ledger_bill_lines", write.Table);
        Assert.Equal(["description"], write.Columns!);
    }

    [Fact]
    public async Task Reimport_NewRow_RecordsNoColumnsSoEveryColumnCounts()
    {
        var bundle = await ImportAsync(BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(2, 5, 20, Clean: true)).Directory);
        var latest = await _temp.Tenant("gen").Changes.LatestAsync(_ct);
        EditFirstBillLine(bundle, (header, fields) =>
        {
            fields[Array.IndexOf(header, "id")] += "-copy";
            fields[Array.IndexOf(header, "line_no")] = "99";
            // A zero line leaves the bill's total as its lines sum.
            fields[Array.IndexOf(header, "amount")] = "0.00";
        }, asNewRow: true);

        await ImportAsync(bundle);

        var write = Assert.Single(await _temp.Tenant("gen").Changes.WritesBetweenAsync(latest, long.MaxValue, _ct));
        Assert.Equal("ledger_bill_lines", write.Table);
        Assert.Null(write.Columns);
    }

    [Fact]
    public async Task SandboxBill_CreateThenDelete_RecordsBillVendorAndJobEachTime()
    {
        using var gate = new GateFixture();
        await gate.SeedAsync();
        var ledger = gate.Path;
        var before = await ledger.Changes.LatestAsync(_ct);
        var draft = new BillDraft("v-1", new DateOnly(2026, 11, 20), null, "SI-7", null, [new BillLineDraft("a-5000", "c-1", "03-300", "Rebar", 10m)]);

        var written = await gate.Ledger.CreateBillAsync(ledger, draft, "req-1", _ct);
        await gate.Ledger.DeleteBillAsync(ledger, written.EntityId, written.SyncToken, "req-2", _ct);

        var entries = (await ledger.Changes.SinceAsync(before, _ct)).Select(e => $"{e.Source} {e.Kind} {e.Key} {e.Table}").ToList();
        string[] touched =
        [
            "customer c-1 ledger_bill_lines", $"ledger_bills {written.EntityId} ledger_bill_lines", $"ledger_bills {written.EntityId} ledger_bills",
            "vendor v-1 ledger_bills",
        ];
        Assert.Equal([.. touched.Select(t => "sandbox:create " + t), .. touched.Select(t => "sandbox:delete " + t)], entries);
    }
}
