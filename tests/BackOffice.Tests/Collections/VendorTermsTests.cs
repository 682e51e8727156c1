using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Domain.Ledger;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.Collections;

/// <summary>
/// Issue 16: vendors' payment terms. QuickBooks' Vendor has TermRef (qbo.md section 5, python-quickbooks
/// objects/vendor.py); a synced bill with neither its own SalesTermRef nor a DueDate is due as its vendor's term says,
/// and a bill written through the gate without a due date carries that term. Dates: Intuit's Bill sample (TxnDate
/// 2014-11-06, Net 30, DueDate 2014-12-06); Net 15 from the same date is 2014-11-21.
/// </summary>
public sealed class VendorTermsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    // The vendor's Net 30 when the bill says nothing.
    [InlineData(null, null, "2014-12-06")]
    // The bill's own SalesTermRef (Net 15) wins over the vendor's.
    [InlineData("4", null, "2014-11-21")]
    // A bill's own DueDate always stands.
    [InlineData(null, "2014-11-30", "2014-11-30")]
    [InlineData("4", "2014-11-30", "2014-11-30")]
    public async Task Sync_BillOfAVendorWithATerm_DueAsItsOwnDateElseItsTermElseTheVendorsTerm(string? billTerm, string? dueDate, string expected)
    {
        await using var h = await WithTermsAsync();
        var bill = Bill("27", billTerm, dueDate);
        h.Fake.Add("Bill", bill, DateTimeOffset.UtcNow.AddMinutes(-5));

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(expected, await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_bills WHERE id = '27'"));
    }

    [Fact]
    public async Task VendorTerms_VendorsWithAndWithoutTermRef_OnlyTheVendorWithASyncedTerm()
    {
        await using var h = await WithTermsAsync();
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        var terms = await h.Tenant.Ledger.VendorTermsAsync(Ct);

        Assert.Equal(("3", "Net 30", 30), (terms["47"].Id, terms["47"].Name, terms["47"].DueDays));
        // Rivera Plumbing (46) has no TermRef; 48 names a term QuickBooks never sent.
        Assert.Equal(["47"], terms.Keys);
    }

    [Theory]
    [InlineData(null, "3", "2014-12-06")]
    [InlineData("2014-11-20", null, "2014-11-20")]
    public async Task CreateBill_NoDueDate_CarriesTheVendorsTermAndIsDueAsItSays(string? dueDate, string? sentTerm, string expected)
    {
        await using var h = await WithTermsAsync();
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        var draft = new BillDraft("47", new DateOnly(2014, 11, 6), dueDate is null ? null : DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture),
            "N-1", null, [new BillLineDraft("64", "59", null, "Lumber", 103.55m)]);

        var written = await h.Get<QuickBooksLedgerWriter>().CreateBillAsync(h.Tenant, draft, "key-vt-1", Ct);

        Assert.Equal(sentTerm, h.Fake.Find("Bill", written.EntityId)!["SalesTermRef"]?["value"]?.ToString());
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(expected, await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_bills WHERE id = @id", new { id = written.EntityId }));
    }

    private static JsonObject Bill(string id, string? term, string? dueDate)
    {
        var bill = QuickBooksHarness.Bill(id, "B-" + id, 103.55m);
        bill["VendorRef"] = new JsonObject { ["value"] = "47", ["name"] = "Norton Lumber" };
        bill["TxnDate"] = "2014-11-06";
        bill["SalesTermRef"] = term is null ? null : new JsonObject { ["value"] = term };
        bill["DueDate"] = dueDate;
        return bill;
    }

    /// <summary>Net 30 (3) and Net 15 (4); Norton Lumber (47) on Net 30, and 48 on a term that was never synced.</summary>
    private static async Task<QuickBooksHarness> WithTermsAsync()
    {
        var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Term", new JsonObject { ["Id"] = "3", ["Name"] = "Net 30", ["Type"] = "STANDARD", ["DueDays"] = 30, ["Active"] = true }, before);
        h.Fake.Add("Term", new JsonObject { ["Id"] = "4", ["Name"] = "Net 15", ["Type"] = "STANDARD", ["DueDays"] = 15, ["Active"] = true }, before);
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Norton Lumber", ["TermRef"] = new JsonObject { ["value"] = "3" }, ["Active"] = true }, before);
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "48", ["DisplayName"] = "Acme Rentals", ["TermRef"] = new JsonObject { ["value"] = "99" }, ["Active"] = true }, before);
        return h;
    }
}
