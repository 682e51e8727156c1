using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Proposals;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>Issue 13: full sync by query paging, CDC, provenance, cursors, and local knowledge kept across re-syncs.</summary>
public sealed class QuickBooksSyncTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task FullSync_PagesOfTwo_FillsCanonicalTablesWithProvenance()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:PageSize"] = "2" });

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal("full", report.Mode);
        Assert.Equal(new SyncCounts(8, 8, 0, 0), report.Total);
        // A page that comes back short ends an entity: 2 accounts and 2 customers need 2 pages each, the other 12 1 each
        // (items, classes, terms, bill payments, credit memos and vendor credits, none in this company, are one empty page each).
        Assert.Equal(16, report.Requests);
        await using var c = await h.Tenant.OpenAsync(Ct);
        var job = await c.QuerySingleAsync<(string Parent, string Fqn, string Origin)>("SELECT parent_id, fully_qualified_name, origin FROM ledger_customers WHERE id = '59'");
        Assert.Equal(("58", "Smith, J:Kitchen Remodel", "quickbooks"), job);
        var bill = await c.QuerySingleAsync<(long Total, string Origin, long Token)>("SELECT total_cents, origin, sync_token FROM ledger_bills WHERE id = '25'");
        Assert.Equal((10355L, "quickbooks", 0L), bill);
        Assert.Equal(50000L, await c.ExecuteScalarAsync<long>("SELECT unapplied_cents FROM ledger_payments WHERE id = '125'"));
        Assert.Equal(("130", 250000L), await c.QuerySingleAsync<(string, long)>("SELECT invoice_id, amount_cents FROM ledger_payment_lines WHERE payment_id = '125'"));
        var connection = await h.Tenant.QuickBooks.CurrentAsync(Ct);
        Assert.NotNull(connection!.LastSyncAt);
    }

    [Fact]
    public async Task SecondSync_Cdc_AppliesChangesAndDeletionsAndKeepsLocalRows()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var sync = h.Get<QuickBooksSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            await c.ExecuteAsync("INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-1', 'vendor', 'pv-1', '46', 'x')");
        }

        h.Fake.Touch("Vendor", "46", v => v["DisplayName"] = "Rivera Plumbing LLC");
        h.Fake.Remove("Bill", "25");
        h.Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 200m));

        var report = await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.StartsWith("changes since", report.Mode, StringComparison.Ordinal);
        Assert.Equal(SyncCounts.Zero, report.Entities["Account"]);
        Assert.Equal(new SyncCounts(1, 0, 1, 0), report.Entities["Vendor"]);
        Assert.Equal(new SyncCounts(2, 1, 0, 1), report.Entities["Bill"]);
        Assert.Equal(1, report.Requests);
        await using var after = await h.Tenant.OpenAsync(Ct);
        Assert.Equal("Rivera Plumbing LLC", await after.ExecuteScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = '46'"));
        Assert.Equal(["26"], await after.QueryAsync<string>("SELECT id FROM ledger_bills"));
        Assert.Equal(0L, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bill_lines WHERE bill_id = '25'"));
        Assert.Equal(1L, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM map_links"));
    }

    [Fact]
    public async Task SecondSync_Cdc_JournalsTheChangedVendorAndBillsOnly()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var sync = h.Get<QuickBooksSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        var latest = await h.Tenant.Changes.LatestAsync(Ct);
        h.Fake.Touch("Vendor", "46", v => v["DisplayName"] = "Rivera Plumbing LLC");
        h.Fake.Remove("Bill", "25");
        h.Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 200m));

        await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        // Issue 18: the deleted bill, the new one with its vendor and job, and the renamed vendor; no account, no invoice.
        var entries = await h.Tenant.Changes.SinceAsync(latest, Ct);
        Assert.All(entries, e => Assert.Equal("quickbooks:sync", e.Source));
        Assert.Equal(
            [("customer", "59"), ("ledger_bills", "25"), ("ledger_bills", "26"), ("vendor", "46")],
            entries.Select(e => (e.Kind, e.Key)).Distinct().Order());
    }

    [Fact]
    public async Task Sync_BillWithoutVendorRef_RefusesNamingBillAndFieldAndAppliesNothingOfThePage()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var broken = QuickBooksHarness.Bill("26", "B-2", 200m);
        broken.Remove("VendorRef");
        h.Fake.Add("Bill", broken);

        var error = await Assert.ThrowsAsync<QuickBooksResponseException>(() => h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct));

        Assert.Equal("QuickBooks Bill 26: field 'VendorRef' is missing.", error.Message);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_vendors"));
        Assert.Equal(error.Message, (await h.Tenant.QuickBooks.CurrentAsync(Ct))!.LastError);
    }

    [Fact]
    public async Task Sync_MalformedJsonAnswer_FailsPlainlyAppliesNothingAndTheNextSyncReadsAll()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var sync = h.Get<QuickBooksSync>();
        h.Fake.GarbleNext = 1;

        var error = await Assert.ThrowsAsync<QuickBooksResponseException>(() => sync.SyncAsync(h.Tenant, full: false, null, Ct));

        Assert.Equal("QuickBooks answered 200 with a body that is not a JSON object.", error.Message);
        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_accounts"));
        }

        Assert.Equal(error.Message, (await h.Tenant.QuickBooks.CurrentAsync(Ct))!.LastError);
        Assert.Equal(8, (await sync.SyncAsync(h.Tenant, full: false, null, Ct)).Total.Added);
    }

    [Fact]
    public async Task Sync_InterruptedMidway_ResumesFromSavedCursor()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:PageSize"] = "1" });
        h.Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 200m));
        var broken = QuickBooksHarness.Bill("27", "B-3", 300m);
        broken.Remove("TxnDate");
        h.Fake.Add("Bill", broken);
        var sync = h.Get<QuickBooksSync>();
        await Assert.ThrowsAsync<QuickBooksResponseException>(() => sync.SyncAsync(h.Tenant, full: false, null, Ct));
        h.Fake.Touch("Bill", "27", b => b["TxnDate"] = "2026-10-07");

        var report = await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        // Accounts, customers and vendors were complete before the failure: the resumed sync reads none of them again.
        Assert.Equal(0, report.Entities["Account"].Read);
        Assert.Equal(new SyncCounts(1, 1, 0, 0), report.Entities["Bill"]);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(3L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills"));
    }

    [Fact]
    public async Task Sync_LastSyncOlderThan30Days_RunsFullResyncAndSaysSo()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        await h.Tenant.QuickBooksSync.SetStateAsync("changed_since", StoreTime.ToText(DateTimeOffset.UtcNow.AddDays(-31)), Ct);

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Contains("more than 30 days", report.Mode, StringComparison.Ordinal);
        Assert.Equal(8, report.Total.Added);
    }

    [Fact]
    public async Task Sync_RefreshTokenRevokedMidSync_NeedsReconnectAndKeepsCompletedBatches()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:PageSize"] = "1" });
        h.Fake.Add("Account", new JsonObject { ["Id"] = "66", ["Name"] = "Bank", ["AccountType"] = "Bank" });
        h.Fake.ThrottleNext = 0;
        var sync = h.Get<QuickBooksSync>();
        var api = h.Get<QuickBooksApi>();
        await api.QueryAsync(h.Tenant, "SELECT * FROM Account STARTPOSITION 1 MAXRESULTS 1", Ct);
        h.Fake.RevokeGrant();

        await Assert.ThrowsAsync<QuickBooksReconnectException>(() => sync.SyncAsync(h.Tenant, full: false, null, Ct));

        Assert.Equal(QuickBooksConnection.NeedsReconnect, (await h.Tenant.QuickBooks.CurrentAsync(Ct))!.Status);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_accounts"));
    }
}
