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

    [Fact]
    public async Task Import_GeneratedBundle_RecordsEachJobCustomerAndVendorOnce()
    {
        var bundle = BundleGenerator.Write(Path.Combine(_temp.Root, "bundle"), new GeneratorOptions(3, 5, 20, Clean: true)).Directory;

        await ImportAsync(bundle);

        var entries = await _temp.Tenant("gen").Changes.SinceAsync(0, _ct);
        Assert.Equal(["job-0", "job-1", "job-2"], entries.Where(e => e.Kind == "job").Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains(entries, e => e.Kind == "customer" && e.Key == "cust-0");
        Assert.Contains(entries, e => e.Kind == "vendor");
        Assert.Equal(entries.Count, entries.Select(e => (e.Kind, e.Key)).Distinct().Count());
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
        var file = Path.Combine(bundle, "ledger", "bill-lines.csv");
        var lines = File.ReadAllLines(file);
        var fields = lines[1].Split(',');
        var (bill, from) = (fields[1], fields[4]);
        fields[4] = from == "cust-0" ? "cust-1" : "cust-0";
        lines[1] = string.Join(',', fields);
        File.WriteAllLines(file, lines);

        await ImportAsync(bundle);

        var entries = (await _temp.Tenant("gen").Changes.SinceAsync(latest, _ct)).Select(e => (e.Kind, e.Key)).Order().ToList();
        Assert.Equal([("customer", "cust-0"), ("customer", "cust-1"), ("ledger_bills", bill)], entries);
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

        var entries = (await ledger.Changes.SinceAsync(before, _ct)).Select(e => $"{e.Source} {e.Kind} {e.Key}").ToList();
        string[] touched = ["customer c-1", $"ledger_bills {written.EntityId}", "vendor v-1"];
        Assert.Equal([.. touched.Select(t => "sandbox:create " + t), .. touched.Select(t => "sandbox:delete " + t)], entries);
    }
}
