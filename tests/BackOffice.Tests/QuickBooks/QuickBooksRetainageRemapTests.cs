using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 16: invoices synced before `QuickBooks:RetainageItem` was set hold their retainage lines as work. When the
/// setting is first set, the next sync maps the stored lines on that item as a fresh sync would (no invoice read again),
/// journaled; switched to another item or removed, the invoices mapped for the old item are read again by id.
/// Each runs on SQLite and PostgreSQL. Figures: Viewpoint Spectrum "Billing Retention Using Draw Request" (figures.md 2.1(a)): 90,000 of work
/// with 9,000 withheld (81,000); 10,000 of work and 4,000 released (14,000); the final 5,000 released.
/// </summary>
public sealed class QuickBooksRetainageRemapTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>(doc, total, retainage withheld, retainage released) of the three draws once the item is known.</summary>
    private static readonly (string, decimal, decimal, decimal)[] Mapped =
        [("PA-1", 81_000.00m, 9_000.00m, 0m), ("PA-2", 14_000.00m, 0m, 4_000.00m), ("PA-3", 5_000.00m, 0m, 5_000.00m)];

    [Theory]
    [StoreProviders]
    public async Task Sync_RetainageItemSetAfterInvoicesSynced_ReleaseRecognisedFromStoredLinesAsAFreshConnect(string provider)
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(provider: provider);
        AddDraws(h.Fake);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        var unset = await FiguresAsync(h);
        var seq = await h.Tenant.Changes.LatestAsync(Ct);

        // The operator sets the retainage item (and restarts): nothing changed in QuickBooks since.
        h.Get<QuickBooksOptions>().RetainageItem = "Retainage receivable";
        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        var journaled = await h.Tenant.Changes.SinceAsync(seq, Ct);
        var mappedSeq = await h.Tenant.Changes.LatestAsync(Ct);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var fresh = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:RetainageItem"] = "Retainage receivable" }, provider);
        AddDraws(fresh.Fake);
        await fresh.Get<QuickBooksSync>().SyncAsync(fresh.Tenant, full: true, null, Ct);

        // Before: the withheld line counted as work and the releases as work, no retainage anywhere.
        Assert.Equal([("PA-1", 81_000.00m, 0m, 0m), ("PA-2", 14_000.00m, 0m, 0m), ("PA-3", 5_000.00m, 0m, 0m)], unset);
        Assert.Equal(Mapped, await FiguresAsync(h));
        Assert.Equal(await FiguresAsync(fresh), await FiguresAsync(h));
        Assert.Equal(await LinesAsync(fresh), await LinesAsync(h));
        Assert.Equal(0, report.Entities["Invoice"].Read);
        Assert.Equal(["140", "141", "142"], journaled.Where(e => e.Kind == "ledger_invoices").Select(e => e.Key).Distinct().Order().ToList());
        Assert.All(journaled, e => Assert.Equal("quickbooks:retainage-item", e.Source));
        // Mapped once: the sync after it finds nothing to map.
        Assert.Equal(mappedSeq, await h.Tenant.Changes.LatestAsync(Ct));
    }

    /// <summary>Spectrum's draws with A's retainage on item 2 and two more with their retainage on item 3 (the item switched to).</summary>
    private static readonly (string, decimal, decimal, decimal)[] OnA =
        [.. Mapped, ("PA-4", 45_000.00m, 0m, 0m), ("PA-5", 3_500.00m, 0m, 0m)];

    private static readonly (string, decimal, decimal, decimal)[] OnB =
        [("PA-1", 81_000.00m, 0m, 0m), ("PA-2", 14_000.00m, 0m, 0m), ("PA-3", 5_000.00m, 0m, 0m), ("PA-4", 45_000.00m, 5_000.00m, 0m), ("PA-5", 3_500.00m, 0m, 2_500.00m)];

    private static readonly (string, decimal, decimal, decimal)[] OnNone =
        [("PA-1", 81_000.00m, 0m, 0m), ("PA-2", 14_000.00m, 0m, 0m), ("PA-3", 5_000.00m, 0m, 0m), ("PA-4", 45_000.00m, 0m, 0m), ("PA-5", 3_500.00m, 0m, 0m)];

    [Theory]
    [StoreProviders]
    public Task Sync_RetainageItemSwitched_OldItemsLinesWorkAgainNewItemsRetainageAsAFreshConnect(string provider) => SwitchAsync("Retention held", provider);

    [Theory]
    [StoreProviders]
    public Task Sync_RetainageItemRemoved_OldItemsLinesWorkAgainAsAFreshConnect(string provider) => SwitchAsync(null, provider);

    private static async Task SwitchAsync(string? switchedTo, string provider)
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:RetainageItem"] = "Retainage receivable" }, provider);
        AddDraws(h.Fake, withB: true);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        var onA = await FiguresAsync(h);
        var seq = await h.Tenant.Changes.LatestAsync(Ct);

        h.Get<QuickBooksOptions>().RetainageItem = switchedTo;
        var requests = h.Get<QuickBooksApi>().Requests;
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        var syncRequests = h.Get<QuickBooksApi>().Requests - requests;
        var journaled = await h.Tenant.Changes.SinceAsync(seq, Ct);
        var mappedSeq = await h.Tenant.Changes.LatestAsync(Ct);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var fresh = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:RetainageItem"] = switchedTo }, provider);
        AddDraws(fresh.Fake, withB: true);
        await fresh.Get<QuickBooksSync>().SyncAsync(fresh.Tenant, full: true, null, Ct);

        Assert.Equal(OnA, onA);
        Assert.Equal(switchedTo is null ? OnNone : OnB, await FiguresAsync(h));
        Assert.Equal(await FiguresAsync(fresh), await FiguresAsync(h));
        Assert.Equal(await LinesAsync(fresh), await LinesAsync(h));
        // Only the three invoices mapped for A are read again (one CDC request besides); B's are mapped from what is stored.
        Assert.Equal(1 + 3, syncRequests);
        var expected = switchedTo is null ? new[] { "140", "141", "142" } : ["140", "141", "142", "150", "151"];
        Assert.Equal(expected, journaled.Where(e => e.Kind == "ledger_invoices").Select(e => e.Key).Distinct().Order().ToList());
        Assert.All(journaled, e => Assert.Equal("quickbooks:retainage-item", e.Source));
        Assert.Equal(mappedSeq, await h.Tenant.Changes.LatestAsync(Ct));
    }

    /// <summary>Spectrum's three draws as QuickBooks holds them: work on item 1, retainage on item 2 (negative withheld, positive released).</summary>
    /// <remarks>
    /// With <paramref name="withB"/>, item 3 and two invoices whose retainage lines are on it (derived figures, not
    /// Spectrum's: 50,000 of work with 10% withheld; then 2,500 released, its line before 1,000 of work).
    /// </remarks>
    private static void AddDraws(FakeQuickBooks fake, bool withB = false)
    {
        QuickBooksInvoiceWriterTests.AddItems(fake);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        fake.Add("Invoice", Invoice("140", "PA-1", 81_000.00m, ("1", 90_000.00m), ("2", -9_000.00m)), before);
        fake.Add("Invoice", Invoice("141", "PA-2", 14_000.00m, ("1", 10_000.00m), ("2", 4_000.00m)), before);
        fake.Add("Invoice", Invoice("142", "PA-3", 5_000.00m, ("2", 5_000.00m)), before);
        if (withB)
        {
            fake.Add("Item", new JsonObject { ["Id"] = "3", ["Name"] = "Retention held", ["Type"] = "Service", ["Active"] = true }, before);
            fake.Add("Invoice", Invoice("150", "PA-4", 45_000.00m, ("1", 50_000.00m), ("3", -5_000.00m)), before);
            fake.Add("Invoice", Invoice("151", "PA-5", 3_500.00m, ("3", 2_500.00m), ("1", 1_000.00m)), before);
        }
    }

    private static readonly Dictionary<string, string> ItemNames = new() { ["1"] = "Progress billing", ["2"] = "Retainage receivable", ["3"] = "Retention held" };

    private static JsonObject Invoice(string id, string doc, decimal total, params (string Item, decimal Amount)[] lines) => new()
    {
        ["Id"] = id, ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["DocNumber"] = doc, ["TxnDate"] = "2026-11-03", ["DueDate"] = "2026-12-03",
        ["TotalAmt"] = total,
        ["Line"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
        {
            ["Amount"] = l.Amount, ["DetailType"] = "SalesItemLineDetail",
            ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = new JsonObject { ["value"] = l.Item, ["name"] = ItemNames[l.Item] } },
        }).ToArray()),
    };

    private static Task<(string, decimal, decimal, decimal)[]> FiguresAsync(QuickBooksHarness h) => QuickBooksRetainageItemTests.FiguresAsync(h);

    private static Task<List<string>> LinesAsync(QuickBooksHarness h) =>
        h.QueryAsync<string>("SELECT id || '|' || line_no || '|' || COALESCE(item, '') || '|' || amount_cents FROM ledger_invoice_lines ORDER BY id");
}
