using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: the owner invoice (issue 16's ledger.create-invoice) written into QuickBooks as an Invoice with
/// SalesItemLineDetail lines (Intuit's Invoice reference, qbo.md section 5), requestid = the idempotency key, recovery
/// by the key in PrivateNote, and undo by delete refused when a payment is linked or the SyncToken moved. The figures
/// are pay application 2 of the README's G702 example: 151,000.00 of work less 15,100.00 retainage = 135,900.00 due.
/// </summary>
public sealed class QuickBooksInvoiceWriterTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>The invoice and retainage items of these tests (shared with QuickBooksRetainageItemTests).</summary>
    internal static readonly Dictionary<string, string?> Items = new()
    {
        ["QuickBooks:InvoiceItem"] = "Progress billing", ["QuickBooks:Tenants:acme:RetainageItem"] = "Retainage receivable",
    };

    private static InvoiceDraft Draft(decimal retainage = 15_100.00m) => new("59", "PA-2", new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 3), retainage,
        [new InvoiceLineDraft("Progress billing", "Pay application 2", 151_000.00m)]);

    [Fact]
    public async Task CreateInvoice_SameRequestIdTwice_OneInvoiceWithItemLinesAndRetainage()
    {
        await using var h = await SyncedAsync(Items);
        var writer = h.Get<QuickBooksInvoiceWriter>();

        var first = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-1", Ct);
        var again = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-1", Ct);

        Assert.Equal(first.EntityId, again.EntityId);
        var invoice = Assert.Single(h.Fake.All("Invoice"), i => i["DocNumber"]?.ToString() == "PA-2");
        Assert.Equal("59", invoice["CustomerRef"]!["value"]!.ToString());
        Assert.Equal(135_900.00m, invoice["TotalAmt"]!.GetValue<decimal>());
        Assert.Contains(QuickBooksLedgerWriter.Marker("key-inv-1"), invoice["PrivateNote"]!.ToString(), StringComparison.Ordinal);
        var lines = invoice["Line"]!.AsArray();
        Assert.Equal(("1", 151_000.00m), (lines[0]!["SalesItemLineDetail"]!["ItemRef"]!["value"]!.ToString(), lines[0]!["Amount"]!.GetValue<decimal>()));
        Assert.Equal(("2", -15_100.00m), (lines[1]!["SalesItemLineDetail"]!["ItemRef"]!["value"]!.ToString(), lines[1]!["Amount"]!.GetValue<decimal>()));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal((13_590_000L, "quickbooks"), await c.QuerySingleAsync<(long, string)>("SELECT total_cents, origin FROM ledger_invoices WHERE id = @id", new { id = first.EntityId }));
    }

    [Fact]
    public async Task CreateInvoice_RequestIdNoLongerRemembered_FindsOurInvoiceByItsMemo()
    {
        await using var h = await SyncedAsync(Items);
        var writer = h.Get<QuickBooksInvoiceWriter>();
        var first = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-2", Ct);
        h.Fake.Replies.Clear();

        var retry = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-2", Ct);

        Assert.Equal(first.EntityId, retry.EntityId);
        Assert.Single(h.Fake.All("Invoice"), i => i["DocNumber"]?.ToString() == "PA-2");
    }

    [Theory]
    [InlineData(null, "No QuickBooks item set for this write: set QuickBooks:InvoiceItem")]
    [InlineData("Progress bill", "QuickBooks:InvoiceItem names item 'Progress bill', which is not an active item in tenant acme's synced QuickBooks items")]
    public async Task CreateInvoice_InvoiceItemMissingOrNotSynced_PlainErrorNamingTheSettingAndNothingSent(string? item, string message)
    {
        await using var h = await SyncedAsync(new() { ["QuickBooks:InvoiceItem"] = item });
        var before = h.Fake.ApiRequests;

        var error = await Assert.ThrowsAsync<QuickBooksMappingException>(() => h.Get<QuickBooksInvoiceWriter>().CreateInvoiceAsync(h.Tenant, Draft(0m), "key-inv-3", Ct));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Fake.ApiRequests);
    }

    [Fact]
    public async Task DeleteInvoice_Unchanged_GoneFromQuickBooksAndTheLedgerTables()
    {
        await using var h = await SyncedAsync(Items);
        var writer = h.Get<QuickBooksInvoiceWriter>();
        var written = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-4", Ct);

        await writer.DeleteInvoiceAsync(h.Tenant, written.EntityId, written.SyncToken, Written(written), "undo-key-inv-4", Ct);

        Assert.Null(h.Fake.Find("Invoice", written.EntityId));
        Assert.Null(await writer.InvoiceSyncTokenAsync(h.Tenant, written.EntityId, Ct));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_invoices WHERE id = @id", new { id = written.EntityId }));
    }

    [Theory]
    [InlineData(true, "has a payment linked in QuickBooks (payment 125)")]
    [InlineData(false, "was changed in the ledger after we wrote it (SyncToken 0 then, 1 now); changed: DueDate 2026-12-03 -> 2026-12-31. Undo refused.")]
    public async Task DeleteInvoice_PaymentLinkedOrChangedThere_RefusesAndKeepsIt(bool paid, string reason)
    {
        await using var h = await SyncedAsync(Items);
        var writer = h.Get<QuickBooksInvoiceWriter>();
        var written = await writer.CreateInvoiceAsync(h.Tenant, Draft(), "key-inv-5", Ct);
        h.Fake.Touch("Invoice", written.EntityId, i =>
        {
            if (paid)
            {
                i["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = "125", ["TxnType"] = "Payment" });
            }
            else
            {
                i["DueDate"] = "2026-12-31";
            }
        });

        var error = await Assert.ThrowsAsync<LedgerChangedException>(() => writer.DeleteInvoiceAsync(h.Tenant, written.EntityId, written.SyncToken, Written(written), "undo-key-inv-5", Ct));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.NotNull(h.Fake.Find("Invoice", written.EntityId));
    }

    private static JsonObject? Written(LedgerWriteResult written) => written.Response["Invoice"] as JsonObject;

    /// <summary>A connected tenant whose synced items are "Progress billing" (1) and "Retainage receivable" (2).</summary>
    internal static async Task<QuickBooksHarness> SyncedAsync(Dictionary<string, string?> settings)
    {
        var h = await QuickBooksHarness.ConnectedAsync(settings);
        AddItems(h.Fake);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        return h;
    }

    /// <summary>The items <see cref="Items"/> names, keyed in before the first sync.</summary>
    internal static void AddItems(FakeQuickBooks fake)
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        fake.Add("Item", new JsonObject { ["Id"] = "1", ["Name"] = "Progress billing", ["Type"] = "Service", ["Active"] = true }, before);
        fake.Add("Item", new JsonObject { ["Id"] = "2", ["Name"] = "Retainage receivable", ["Type"] = "Service", ["Active"] = true }, before);
    }
}
