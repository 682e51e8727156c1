using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: one CDC answer holds at most 1,000 objects per entity with deletions listed last ([Intuit CDC page]:
/// developer.intuit.com/app/developer/qbo/docs/learn/explore-the-quickbooks-online-api/change-data-capture), so a cut
/// answer drops deletions; the sync reads a capped entity in full and loses no change and no deletion.
/// </summary>
public sealed class QuickBooksCdcCapTests
{
    private const int Bills = 1_300;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Cdc_1100ChangesAnd50DeletionsPastTheCap_AppliesEveryChangeAndDeletion()
    {
        await using var h = await SyncedCompanyAsync();
        for (var i = 0; i < 1_100; i++)
        {
            h.Fake.Touch("Bill", BillId(i), b => b["PrivateNote"] = "changed");
        }

        var deleted = Enumerable.Range(1_200, 50).Select(BillId).ToList();
        deleted.ForEach(id => h.Fake.Remove("Bill", id));
        h.Fake.Add("Bill", QuickBooksHarness.Bill("9001", "N-1", 10m));
        // The answer itself is cut: 1,000 changed bills and not one of the deletions.
        var raw = await h.Get<QuickBooksApi>().CdcAsync(h.Tenant, ["Bill"], DateTimeOffset.UtcNow.AddMinutes(-1), Ct);
        var answer = raw.OfType<JsonObject>().Single(g => g["Bill"] is not null)["Bill"]!.AsArray();
        Assert.Equal(1_000, answer.Count);
        Assert.DoesNotContain(answer, b => b!["status"]?.ToString() == "Deleted");

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(new SyncCounts(Bills + 1 + 1 - 50 + 50, 1, 1_100, 50), report.Entities["Bill"]);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(Bills + 1 - 50 + 1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills"));
        Assert.Equal(1_100L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills WHERE memo = 'changed'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM ledger_bills WHERE id IN ('{string.Join("','", deleted)}')"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM ledger_bill_lines WHERE bill_id IN ('{string.Join("','", deleted)}')"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills WHERE id = '9001'"));
    }

    [Fact]
    public async Task Cdc_CappedEntity_KeepsRowsOfOtherOriginsAndOtherEntitiesFromCdc()
    {
        await using var h = await SyncedCompanyAsync();
        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            await c.ExecuteAsync("INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, origin, row_hash) VALUES ('sbx-bill-1', '46', 'S-1', '2026-10-01', 100, 'sandbox', 'x')");
        }

        for (var i = 0; i < 1_000; i++)
        {
            h.Fake.Touch("Bill", BillId(i), b => b["PrivateNote"] = "changed");
        }

        h.Fake.Remove("Bill", BillId(1_299));
        h.Fake.Touch("Vendor", "46", v => v["DisplayName"] = "Rivera Plumbing LLC");

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(1, report.Entities["Bill"].Deleted);
        Assert.Equal(new SyncCounts(1, 0, 1, 0), report.Entities["Vendor"]);
        await using var after = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(1L, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills WHERE id = 'sbx-bill-1'"));
        Assert.Equal("Rivera Plumbing LLC", await after.ExecuteScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = '46'"));
    }

    [Fact]
    public async Task Cdc_FewerChangesThanTheCap_OneRequestNoFullRead()
    {
        await using var h = await SyncedCompanyAsync();
        for (var i = 0; i < 999; i++)
        {
            h.Fake.Touch("Bill", BillId(i), b => b["PrivateNote"] = "changed");
        }

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(1, report.Requests);
        Assert.Equal(new SyncCounts(999, 0, 999, 0), report.Entities["Bill"]);
    }

    private static async Task<QuickBooksHarness> SyncedCompanyAsync()
    {
        var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (var i = 0; i < Bills; i++)
        {
            h.Fake.Add("Bill", QuickBooksHarness.Bill(BillId(i), $"C-{i}", 100m + i), before);
        }

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        return h;
    }

    private static string BillId(int i) => (200_000 + i).ToString(CultureInfo.InvariantCulture);
}
