using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Bundle;

public sealed class BundleImporterTests
{
    /// <summary>Data rows in the demo bundle's CSV files, counted from the files so that adding demo rows breaks no test.</summary>
    private static async Task<int> DemoCsvRowsAsync()
    {
        var count = 0;
        foreach (var path in BundleSchema.Files.Select(spec => Path.Combine(RepoPaths.DemoBundle, spec.Path)).Where(File.Exists))
        {
            await using var reader = global::CsvHelper.CsvReader.FromFile(path, global::CsvHelper.CsvReaderOptions.Default with { HasHeader = true, SkipEmptyLines = true });
            await reader.ReadHeaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Documents and vendor price files the bundle carries as files.</summary>
    private static int DemoRawFiles() =>
        new[] { "inbox", Path.Combine("pricebook", "price-files") }
            .Select(folder => Path.Combine(RepoPaths.DemoBundle, folder))
            .Where(Directory.Exists)
            .Sum(folder => Directory.GetFiles(folder).Length);

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_DemoBundle_StoresEveryFile(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        var summary = await kit.ImportAsync();

        Assert.Equal(31, summary.Files.Count(f => f.File.EndsWith(".csv", StringComparison.Ordinal)));
        Assert.Equal(await DemoCsvRowsAsync(), summary.Files.Where(f => f.File.EndsWith(".csv", StringComparison.Ordinal)).Sum(f => f.Added));
        Assert.Equal(4, summary.For("project/jobs.csv")!.Added);
        Assert.Equal(12, summary.For("project/cost-codes.csv")!.Added);
        Assert.Equal(7, summary.For("project/sub-invoices.csv")!.Added);
        Assert.Equal(16, summary.For("ledger/bill-lines.csv")!.Added);
        Assert.Equal(27, summary.For("workforce/timecards.csv")!.Added);
        Assert.Equal(3, summary.For("inbox/")!.Added);
        Assert.Equal(1, summary.For("pricebook/price-files/")!.Added);
        Assert.Empty(summary.Warnings);
        Assert.True(summary.AnythingChanged);
        Assert.Equal(4, kit.CopiedFiles());
        Assert.Equal(4, await kit.CountAsync("bundle_files"));
        Assert.Equal(1, await kit.CountAsync("import_runs"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_DemoBundle_StoresTypedValues(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();

        Assert.Equal(1000L, await kit.ScalarAsync<long>("SELECT retainage_bp FROM project_commitments WHERE id = 'cmt-101-01'"));
        Assert.Equal(1840000L, await kit.ScalarAsync<long>("SELECT amount_cents FROM project_sub_invoices WHERE id = 'si-05'"));
        Assert.Equal(-320000L, await kit.ScalarAsync<long>("SELECT amount_cents FROM ledger_bill_lines WHERE id = 'bill-5002-3'"));
        Assert.Equal(2880000L, await kit.ScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE id = 'bill-5002'"));
        Assert.Equal("bundle", await kit.ScalarAsync<string>("SELECT origin FROM ledger_bills WHERE id = 'bill-5002'"));
        Assert.Equal(875000L, await kit.ScalarAsync<long>("SELECT crew_hours_e4 FROM project_schedule_tasks WHERE id = 'st-03'"));
        Assert.Equal("2026-11-02T07:00:00", await kit.ScalarAsync<string>("SELECT clock_in FROM workforce_timecards WHERE id = 'tc-001'"));
        Assert.Equal(0L, await kit.ScalarAsync<long>("SELECT active FROM ledger_customers WHERE id = 'cust-41'"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_DemoBundle_AppendsOneAuditEvent(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        var summary = await kit.ImportAsync();

        await using var unit = await kit.Data.OpenUnitAsync(write: false, CancellationToken.None);
        var events = await AuditStore.ReadAllAsync(unit, CancellationToken.None);
        var only = Assert.Single(events);
        Assert.Equal("import.completed", only.Kind);
        Assert.Equal($"import:{summary.RunId}", only.Subject);
        Assert.Equal("controller@demo", only.Actor);
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_SameBundleTwice_ChangesNothing(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var again = await kit.ImportAsync();

        Assert.False(again.AnythingChanged);
        Assert.Equal(0, again.Added + again.Changed + again.Removed);
        Assert.Equal(await DemoCsvRowsAsync() + DemoRawFiles(), again.Unchanged);
        long rows = 0;
        foreach (var spec in BundleSchema.Files)
        {
            rows += await kit.CountAsync(spec.Table);
        }

        Assert.Equal(await DemoCsvRowsAsync(), rows);
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_NewerBundle_UpdatesChangedAndRemovesMissingRows(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        kit.Edit("project/jobs.csv", "job-101,2026-101,Smith Residence - Kitchen,active,John Smith,148500.00", "job-101,2026-101,Smith Residence - Kitchen,active,John Smith,151700.00");
        kit.RemoveLineStartingWith("project/schedule-tasks.csv", "st-17,");
        File.Delete(Path.Combine(kit.Bundle, "contacts.csv"));

        var summary = await kit.ImportAsync();

        Assert.Equal(new FileImportCounts("project/jobs.csv", 0, 1, 0, 3), summary.For("project/jobs.csv"));
        Assert.Equal(new FileImportCounts("project/schedule-tasks.csv", 0, 0, 1, 16), summary.For("project/schedule-tasks.csv"));
        Assert.Null(summary.For("contacts.csv"));
        Assert.Equal(1, summary.Changed);
        Assert.Equal(1, summary.Removed);
        Assert.Equal(15170000L, await kit.ScalarAsync<long>("SELECT contract_cents FROM project_jobs WHERE id = 'job-101'"));
        Assert.Equal(16, await kit.CountAsync("project_schedule_tasks"));
        Assert.Equal(7, await kit.CountAsync("contacts"));
        Assert.Equal(2, await kit.CountAsync("audit_events"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_PartialBundle_ResolvesReferencesToStoredRows(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(kit.Bundle, "project")).Where(f => !f.EndsWith("sub-invoices.csv", StringComparison.Ordinal) && !f.EndsWith("sub-invoice-lines.csv", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        kit.Edit("project/sub-invoices.csv", "si-07,cmt-102-03,DF-0420,2026-11-12,2026-11-07,12600.00,1260.00,pending", "si-07,cmt-102-03,DF-0420,2026-11-12,2026-11-07,12600.00,1260.00,approved");

        var summary = await kit.ImportAsync();

        Assert.Equal(1, summary.Changed);
        Assert.Equal(4, await kit.CountAsync("project_jobs"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_RemovingParentOfStoredRows_IsRefused(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        File.Delete(Path.Combine(kit.Bundle, "project/budget-lines.csv"));
        kit.RemoveLineStartingWith("project/jobs.csv", "job-094,");
        kit.RemoveLineStartingWith("project/commitments.csv", "cmt-094-01,");
        kit.RemoveLineStartingWith("project/commitment-lines.csv", "cl-16,");

        var failure = await kit.ImportFailsAsync();

        Assert.All(failure.Errors, e => Assert.Equal("project/budget-lines.csv", e.File));
        Assert.Contains(failure.Errors, e => e.Column == "job_id" && e.Message.Contains("'job-094'", StringComparison.Ordinal));
        Assert.Equal(4, await kit.CountAsync("project_jobs"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_ExtraColumn_IsIgnoredWithAWarning(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/vendors.csv", "id,name,trade", "id,name,trade,procore_origin_id");
        var lines = File.ReadAllLines(Path.Combine(kit.Bundle, "project/vendors.csv"));
        File.WriteAllLines(Path.Combine(kit.Bundle, "project/vendors.csv"), lines.Select((l, i) => i == 0 ? l : l + ",x"));

        var summary = await kit.ImportAsync();

        var warning = Assert.Single(summary.Warnings);
        Assert.Contains("procore_origin_id", warning, StringComparison.Ordinal);
        Assert.Equal(8, await kit.CountAsync("project_vendors"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_Progress_ReportsEachFileAndDone(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await new BundleImporter(kit.Clock).ImportAsync(kit.Bundle, kit.Data, "controller@demo", progress, CancellationToken.None);

        Assert.Contains(reports, r => r.Phase == ImportPhase.Reading && r.File == "project/jobs.csv" && r.RowsRead == 4);
        Assert.Equal(ImportPhase.Done, reports[^1].Phase);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
