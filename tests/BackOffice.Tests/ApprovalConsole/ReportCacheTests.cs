using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Tests.Api;
using BackOffice.Tests.Bundle;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: a report's table is reused until the tenant's data changes, and any committed change (an import, a sync
/// written by another process, an executed or undone proposal) makes the next read compute it again.
/// </summary>
public sealed class ReportCacheTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 15);
    private readonly BundleTestKit _kit = new();
    private readonly ReportCache _cache = new();
    private readonly LedgerBillsReport _bills = new();

    public void Dispose() => _kit.Dispose();

    private Task<ReportTable> BillsAsync(string? job = null, DateOnly? asOf = null) =>
        _cache.GetOrRunAsync(_bills, new ReportRequest(_kit.Temp.Tenant(BundleTestKit.Tenant), asOf ?? AsOf, job), CancellationToken.None);

    private static IEnumerable<string?> Vendors(ReportTable table) => table.Rows.Select(r => r["vendor"]?.ToString()).Distinct();

    [Fact]
    public async Task GetOrRun_SameDataTwice_ReusesTheTable()
    {
        await _kit.ImportAsync();

        var first = await BillsAsync();
        var second = await BillsAsync();

        Assert.Same(first, second);
        Assert.Equal(1, _cache.Misses);
    }

    [Fact]
    public async Task GetOrRun_OtherJobOrDate_ComputesEach()
    {
        await _kit.ImportAsync();

        await BillsAsync();
        await BillsAsync(job: "job-101");
        await BillsAsync(asOf: AsOf.AddDays(-1));
        await BillsAsync(job: "job-101");

        Assert.Equal(3, _cache.Misses);
    }

    [Fact]
    public async Task GetOrRun_ImportBetweenReads_ShowsTheImportedData()
    {
        await _kit.ImportAsync();
        var before = await BillsAsync();
        _kit.Edit("ledger/vendors.csv", "lv-56,ABC Supply,", "lv-56,ABC Supply Company,");

        await _kit.ImportAsync();
        var after = await BillsAsync();

        Assert.Contains("ABC Supply", Vendors(before));
        Assert.Contains("ABC Supply Company", Vendors(after));
        Assert.DoesNotContain("ABC Supply", Vendors(after));
    }

    [Fact]
    public async Task GetOrRun_CommitByAnotherProcess_ShowsIt()
    {
        await _kit.ImportAsync();
        var before = await BillsAsync();

        // What a `sync` run from the command line does while `serve` keeps its cache: a commit on its own connection.
        await using (var other = new SqliteConnection($"Data Source={_kit.Temp.Data.TenantDatabasePath(BundleTestKit.Tenant)};Pooling=False"))
        {
            await other.OpenAsync();
            await using var update = other.CreateCommand();
            update.CommandText = "UPDATE ledger_vendors SET name = 'Rivera Plumbing & Heating' WHERE name = 'Rivera Plumbing'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var after = await BillsAsync();

        Assert.Contains("Rivera Plumbing", Vendors(before));
        Assert.Contains("Rivera Plumbing & Heating", Vendors(after));
        Assert.Equal(2, _cache.Misses);
    }

    [Fact]
    public async Task ChangeStamp_FileDroppedIntoInbox_Changes()
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant);
        var before = await tenant.ChangeStampAsync(CancellationToken.None);
        var unchanged = await tenant.ChangeStampAsync(CancellationToken.None);

        // The Documents reports read the inbox folder itself, so a file put there by hand must count as a change.
        await File.WriteAllTextAsync(Path.Combine(tenant.FilesFolder("inbox"), "dropped-by-hand.txt"), "INVOICE 1");
        var after = await tenant.ChangeStampAsync(CancellationToken.None);

        Assert.Equal(before, unchanged);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task ReportsApi_ExecuteThenUndo_EachReadShowsTheLedgerAsItIs()
    {
        using var factory = new ConsoleFactory();
        var admin = await factory.ApiAsync("sam");
        await admin.PutAsJsonAsync("/api/tenants/acme/switches/master", new { on = true });
        await admin.PutAsJsonAsync("/api/tenants/acme/agents/financial/switches", new { writes = true });
        var lead = await factory.ApiAsync("dana");
        async Task<int> BillCountAsync() => (await lead.GetFromJsonAsync<JsonObject>("/api/tenants/acme/reports/ledger-bills"))!["rows"]!.AsArray().Count;
        var cache = factory.Get<ReportCache>();

        var before = await BillCountAsync();
        var misses = cache.Misses;
        var again = await BillCountAsync();
        var reused = cache.Misses == misses;
        await lead.PostAsync("/api/tenants/acme/proposals/1/approve", null);
        (await lead.PostAsync("/api/tenants/acme/proposals/1/execute", null)).EnsureSuccessStatusCode();
        var executed = await BillCountAsync();
        (await lead.PostAsync("/api/tenants/acme/proposals/1/undo", null)).EnsureSuccessStatusCode();
        var undone = await BillCountAsync();

        Assert.True(reused, "the second read of unchanged data computed the report again");
        Assert.Equal(new[] { before, before + 1, before }, new[] { again, executed, undone });
    }
}
