using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: a QuickBooks query answers only active accounts, customers, vendors and items unless it asks for
/// <c>Active IN (true,false)</c> (Intuit's "Query operations and syntax" page; blog "Deep dive: SQL queries", 2017-02-08),
/// so the full sync and the capped re-read ask for both and mark the inactive ones inactive in our rows.
/// </summary>
public sealed class QuickBooksInactiveTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("SELECT * FROM Vendor", 1)]
    [InlineData("SELECT * FROM Vendor WHERE Active IN (true,false)", 2)]
    [InlineData("SELECT * FROM Vendor WHERE Active = 'false'", 1)]
    [InlineData("SELECT * FROM Bill", 1)]
    public async Task FakeQuery_NameList_AnswersActiveOnlyUnlessAsked(string sql, int expected)
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Old Drywall Co", ["Active"] = false });

        var answer = await h.Get<QuickBooksApi>().QueryAsync(h.Tenant, sql, Ct);

        Assert.Equal(expected, (answer["Vendor"] ?? answer["Bill"])!.AsArray().Count);
    }

    [Fact]
    public async Task FullSync_DeactivatedNames_AreReadMarkedInactiveAndTheirBillResolves()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Old Drywall Co", ["Active"] = false }, before);
        h.Fake.Add("Customer", new JsonObject { ["Id"] = "60", ["DisplayName"] = "Closed Job", ["Active"] = false }, before);
        h.Fake.Add("Account", new JsonObject { ["Id"] = "66", ["Name"] = "Old Materials", ["AccountType"] = "Expense", ["Active"] = false }, before);
        h.Fake.Add("Item", new JsonObject { ["Id"] = "7", ["Name"] = "Old Service", ["Active"] = false }, before);
        var bill = QuickBooksHarness.Bill("27", "OLD-1", 40m);
        bill["VendorRef"] = new JsonObject { ["value"] = "47" };
        h.Fake.Add("Bill", bill, before);

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_vendors WHERE id = '47'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_customers WHERE id = '60'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_accounts WHERE id = '66'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_items WHERE id = '7'"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_vendors WHERE id = '46'"));
        Assert.Equal("Old Drywall Co", await c.ExecuteScalarAsync<string>("SELECT v.name FROM ledger_bills b JOIN ledger_vendors v ON v.id = b.vendor_id WHERE b.id = '27'"));
        Assert.Contains(await h.Tenant.Ledger.VendorsAsync(Ct), v => v.Id == "47" && !v.Active);
    }

    [Fact]
    public async Task Cdc_CappedVendorAnswerCutsADeactivation_TheReReadMarksItInactive()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:CdcMaxObjects"] = "2" });
        var sync = h.Get<QuickBooksSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        h.Fake.CdcCap = 2;
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "48", ["DisplayName"] = "New Electric", ["Active"] = true });
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "49", ["DisplayName"] = "New Framing", ["Active"] = true });
        // Deactivated last, so the answer cut at two objects leaves it out (CDC lists changes by last update).
        h.Fake.Clock = new ManualClock(DateTimeOffset.UtcNow.AddSeconds(30));
        h.Fake.Touch("Vendor", "46", v => v["Active"] = false);

        await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        var vendors = (await c.QueryAsync<(string Id, long Active)>("SELECT id, active FROM ledger_vendors ORDER BY id")).ToList();
        Assert.Equal([("46", 0L), ("48", 1L), ("49", 1L)], vendors);
    }
}
