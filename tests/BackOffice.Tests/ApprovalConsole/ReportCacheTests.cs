using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Tenancy;
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

        // What a `sync` run from the command line does while `serve` keeps its cache: a journaled commit on its own
        // connection (the row and its change journal entry, as QuickBooksLedgerRows writes them).
        await using (var other = new SqliteConnection($"Data Source={_kit.Temp.Data.TenantDatabasePath(BundleTestKit.Tenant)};Pooling=False"))
        {
            await other.OpenAsync();
            await using var update = other.CreateCommand();
            update.CommandText = """
                UPDATE ledger_vendors SET name = 'Rivera Plumbing & Heating' WHERE name = 'Rivera Plumbing';
                INSERT INTO change_journal (kind, entity_key, source, recorded_at) VALUES ('vendor', 'lv-62', 'sync', '2026-11-15T00:00:00Z');
                """;
            Assert.Equal(2, await update.ExecuteNonQueryAsync());
        }

        var after = await BillsAsync();

        Assert.Contains("Rivera Plumbing", Vendors(before));
        Assert.Contains("Rivera Plumbing & Heating", Vendors(after));
        Assert.Equal(2, _cache.Misses);
    }

    [Theory]
    [InlineData("financial_notes", "INSERT INTO financial_notes (idempotency_key, commitment_id, lacking_side, text, proposal_id, created_at) SELECT 'n-1', id, 'ledger', 'note', 0, '2026-11-15' FROM project_commitments LIMIT 1")]
    [InlineData("change_journal", "INSERT INTO change_journal (kind, entity_key, source, recorded_at) VALUES ('job', 'job-101', 'test', '2026-11-15')")]
    public async Task BooksStamp_WriteToWhatAgentsRead_Changes(string what, string sql)
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant);
        var before = await tenant.ChangeStampAsync(ChangeScope.Books, CancellationToken.None);

        await ExecuteAsync(sql);

        var after = await tenant.ChangeStampAsync(ChangeScope.Books, CancellationToken.None);
        Assert.True(before != after, $"a write to {what} left the books' stamp as it was");
    }

    [Fact]
    public async Task BooksStamp_SweepWritesFindingsAndAudit_StaysButAnyCommitMoves()
    {
        await _kit.ImportAsync();
        var tenant = _kit.Temp.Tenant(BundleTestKit.Tenant);
        var books = await tenant.ChangeStampAsync(ChangeScope.Books, CancellationToken.None);
        var any = await tenant.ChangeStampAsync(ChangeScope.AnyCommit, CancellationToken.None);

        // What a sweep and an approval write: their own run and audit events, no input of a report.
        await ExecuteAsync("INSERT INTO sweep_runs (agent, as_of, trigger, attempt, started_at, status) VALUES ('financial', '2026-11-15', 'test', 1, '2026-11-15', 'running')");

        Assert.Equal(books, await tenant.ChangeStampAsync(ChangeScope.Books, CancellationToken.None));
        Assert.NotEqual(any, await tenant.ChangeStampAsync(ChangeScope.AnyCommit, CancellationToken.None));
    }

    [Fact]
    public async Task GetOrRun_TwoReadersAtOnce_ComputeOnce()
    {
        await _kit.ImportAsync();

        var both = await Task.WhenAll(BillsAsync(), BillsAsync());

        Assert.Same(both[0], both[1]);
        Assert.Equal(1, _cache.Misses);
    }

    [Fact]
    public async Task Warm_AfterAWriteToTheBooks_RecomputesWhatWasViewedSoTheNextViewIsCached()
    {
        await _kit.ImportAsync();
        await BillsAsync();
        Assert.Equal(0, await _cache.WarmAsync(CancellationToken.None));
        await ExecuteAsync("INSERT INTO change_journal (kind, entity_key, source, recorded_at) VALUES ('vendor', 'lv-62', 'test', '2026-11-15')");

        var warmed = await _cache.WarmAsync(CancellationToken.None);
        var misses = _cache.Misses;
        await BillsAsync();

        Assert.Equal(1, warmed);
        Assert.Equal(misses, _cache.Misses);
    }

    /// <summary>A report that computes until told to fail, as one whose job disappeared from the books would.</summary>
    private sealed class FlakyReport : IReport
    {
        public bool Fail { get; set; }

        public string Name => "flaky";

        public string Description => "fails on demand";

        public ChangeScope Reads => ChangeScope.Books;

        public Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken) =>
            Fail ? throw new InvalidOperationException("job gone") : Task.FromResult(new ReportTable("flaky", ["id"], []));
    }

    [Fact]
    public async Task Warm_OneTableFailsAfterTheChange_TheOthersStillWarm()
    {
        await _kit.ImportAsync();
        var flaky = new FlakyReport();
        var request = new ReportRequest(_kit.Temp.Tenant(BundleTestKit.Tenant), AsOf, null);
        await BillsAsync();
        await _cache.GetOrRunAsync(flaky, request, CancellationToken.None);
        await ExecuteAsync("INSERT INTO change_journal (kind, entity_key, source, recorded_at) VALUES ('vendor', 'lv-62', 'test', '2026-11-15')");
        flaky.Fail = true;

        var warmed = await _cache.WarmAsync(CancellationToken.None);
        var misses = _cache.Misses;
        await BillsAsync();

        Assert.Equal(1, warmed);
        Assert.Equal(misses, _cache.Misses);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _cache.GetOrRunAsync(flaky, request, CancellationToken.None));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var other = new SqliteConnection($"Data Source={_kit.Temp.Data.TenantDatabasePath(BundleTestKit.Tenant)};Pooling=False");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
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
        var approved = await BillCountAsync();
        var keptAcrossApproval = cache.Misses == misses;
        (await lead.PostAsync("/api/tenants/acme/proposals/1/execute", null)).EnsureSuccessStatusCode();
        var executed = await BillCountAsync();
        (await lead.PostAsync("/api/tenants/acme/proposals/1/undo", null)).EnsureSuccessStatusCode();
        var undone = await BillCountAsync();

        Assert.True(reused, "the second read of unchanged data computed the report again");
        Assert.True(keptAcrossApproval, "an approval (gate state only) dropped the books' report");
        Assert.Equal(new[] { before, before, before + 1, before }, new[] { again, approved, executed, undone });
    }
}
