using System.Text.Json.Nodes;
using BackOffice.Domain.Financial;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 16: an owner invoice's retainage lines go on the tenant's retainage item (`QuickBooks:RetainageItem`), the
/// withheld one negative and the released one positive, and the sync reads lines on that item back as retainage, so
/// the ledger's retainage figures are what the invoices were written with. Figures: Viewpoint Spectrum "Billing Retention
/// Using Draw Request" (figures.md 2.1(a)): $100,000 at 10%, 90,000 complete billed 81,000 (9,000 withheld); then
/// 10,000 of work and 4,000 released (cut to 5%), 14,000; then the final 5,000 released.
/// </summary>
public sealed class QuickBooksRetainageItemTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static InvoiceDraft Draw(string doc, decimal work, decimal withheld, decimal released)
    {
        var lines = new List<InvoiceLineDraft>();
        if (work > 0m)
        {
            lines.Add(new InvoiceLineDraft("Progress billing", $"Work, {doc}", work));
        }

        if (released > 0m)
        {
            lines.Add(new InvoiceLineDraft(InvoiceLineDraft.ReleaseItem, $"Retainage released, {doc}", released));
        }

        return new InvoiceDraft("59", doc, new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 3), withheld, lines);
    }

    private static readonly InvoiceDraft[] Spectrum =
        [Draw("PA-1", 90_000.00m, 9_000.00m, 0m), Draw("PA-2", 10_000.00m, 0m, 4_000.00m), Draw("PA-3", 0m, 0m, 5_000.00m)];

    /// <summary>(doc, total, retainage withheld, retainage released) per invoice, as the sandbox would hold them.</summary>
    private static readonly (string, decimal, decimal, decimal)[] Expected =
        [("PA-1", 81_000.00m, 9_000.00m, 0m), ("PA-2", 14_000.00m, 0m, 4_000.00m), ("PA-3", 5_000.00m, 0m, 5_000.00m)];

    [Fact]
    public async Task CreateInvoice_ReleasePeriod_ReleaseLineSentOnTheRetainageItem()
    {
        await using var h = await QuickBooksInvoiceWriterTests.SyncedAsync(QuickBooksInvoiceWriterTests.Items);

        await h.Get<QuickBooksInvoiceWriter>().CreateInvoiceAsync(h.Tenant, Spectrum[1], "key-rel-1", Ct);

        var invoice = Assert.Single(h.Fake.All("Invoice"), i => i["DocNumber"]?.ToString() == "PA-2");
        var lines = invoice["Line"]!.AsArray().Select(l => (l!["SalesItemLineDetail"]!["ItemRef"]!["value"]!.ToString(), l["Amount"]!.GetValue<decimal>()));
        Assert.Equal([("1", 10_000.00m), ("2", 4_000.00m)], lines);
        Assert.Equal(14_000.00m, invoice["TotalAmt"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Sync_OwnerInvoicesWrittenThenChangedInQuickBooks_RetainageWithheldAndReleasedReadBackUnchanged()
    {
        await using var h = await QuickBooksInvoiceWriterTests.SyncedAsync(QuickBooksInvoiceWriterTests.Items);
        var writer = h.Get<QuickBooksInvoiceWriter>();
        var ids = new List<string>();
        foreach (var (draft, n) in Spectrum.Select((d, n) => (d, n)))
        {
            ids.Add((await writer.CreateInvoiceAsync(h.Tenant, draft, $"key-rt-{n}", Ct)).EntityId);
        }

        var written = await FiguresAsync(h);
        // Someone edits each invoice's memo in QuickBooks: the next sync maps them again from QuickBooks' JSON.
        ids.ForEach(id => h.Fake.Touch("Invoice", id, i => i["CustomerMemo"] = new JsonObject { ["value"] = "thanks" }));
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        var synced = await FiguresAsync(h);

        Assert.Equal(Expected, written);
        Assert.Equal(Expected, synced);
        var ours = (await h.Tenant.LedgerFinancials.InvoicesAsync(Ct)).Where(i => i.DocNumber!.StartsWith("PA-", StringComparison.Ordinal)).ToList();
        Assert.Equal(0m, ours.Sum(i => i.Retainage) - ours.Sum(i => i.RetainageReleased));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_invoice_lines WHERE item = @item", new { item = InvoiceLineDraft.ReleaseItem }));
    }

    [Fact]
    public async Task Sync_RetainageItemNamesNoItem_FailsNamingTheSettingAndWritesNoInvoice()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:Tenants:acme:RetainageItem"] = "Retention" });

        var error = await Assert.ThrowsAsync<QuickBooksMappingException>(() => h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct));

        Assert.StartsWith("QuickBooks:Tenants:acme:RetainageItem names item 'Retention', which is not an item in tenant acme's synced QuickBooks items", error.Message, StringComparison.Ordinal);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_invoices"));
    }

    [Fact]
    public async Task CreateInvoice_ReleaseWithoutRetainageItem_PlainErrorAndNothingSent()
    {
        await using var h = await QuickBooksInvoiceWriterTests.SyncedAsync(new() { ["QuickBooks:InvoiceItem"] = "Progress billing" });
        var before = h.Fake.ApiRequests;

        var error = await Assert.ThrowsAsync<QuickBooksMappingException>(() => h.Get<QuickBooksInvoiceWriter>().CreateInvoiceAsync(h.Tenant, Spectrum[2], "key-rel-2", Ct));

        Assert.StartsWith("No QuickBooks item set for this write: set QuickBooks:RetainageItem", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Fake.ApiRequests);
    }

    /// <summary>(doc, total, retainage withheld, released) of the "PA-" invoices in doc order (shared with QuickBooksRetainageRemapTests).</summary>
    internal static async Task<(string, decimal, decimal, decimal)[]> FiguresAsync(QuickBooksHarness h) =>
        (await h.Tenant.LedgerFinancials.InvoicesAsync(Ct)).Where(i => i.DocNumber?.StartsWith("PA-", StringComparison.Ordinal) == true)
            .OrderBy(i => i.DocNumber, StringComparer.Ordinal)
            .Select(i => (i.DocNumber!, i.Total, i.Retainage, i.RetainageReleased)).ToArray();
}
