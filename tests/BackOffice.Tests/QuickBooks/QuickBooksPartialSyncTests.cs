using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: the half-applied picture mid-sync. A full sync that fails after page k of the bills keeps the pages it
/// applied (each a unit with its cursor), says "sync incomplete: bills through page k" and puts a plain warning on
/// every report until the next sync, which resumes from the mark and ends with the same rows as a sync that was
/// never interrupted (compared table by table against a second company fed the same books).
/// </summary>
public sealed class QuickBooksPartialSyncTests
{
    private const int PageSize = 2;
    private const int Bills = 7;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string[] Tables =
    [
        "ledger_accounts", "ledger_customers", "ledger_vendors", "ledger_bills", "ledger_bill_lines", "ledger_invoices", "ledger_invoice_lines",
        "ledger_payments", "ledger_payment_lines", "ledger_journal_entries", "ledger_journal_lines", "ledger_purchase_orders",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Sync_FaultAfterBillPageK_KeepsPagesSaysIncompleteAndResumesToTheUninterruptedBooks(int k)
    {
        await using var interrupted = await HarnessAsync();
        await using var whole = await HarnessAsync();
        var sync = interrupted.Get<QuickBooksSync>();
        var failAt = $"STARTPOSITION {(k * PageSize) + 1} ";
        interrupted.Fake.FailQuery = sql => sql.StartsWith("SELECT * FROM Bill ", StringComparison.Ordinal) && sql.Contains(failAt, StringComparison.Ordinal);

        await Assert.ThrowsAsync<QuickBooksFaultException>(() => sync.SyncAsync(interrupted.Tenant, full: false, null, Ct));

        Assert.Equal(k * PageSize, await CountAsync(interrupted, "ledger_bills"));
        var incomplete = Assert.IsType<SyncIncomplete>(await sync.IncompleteAsync(interrupted.Tenant, Ct));
        Assert.StartsWith($"sync incomplete: bills through page {k}, started ", incomplete.Describe(), StringComparison.Ordinal);
        Assert.Contains("last page at", incomplete.Describe(), StringComparison.Ordinal);
        Assert.StartsWith("The books are partially synced from QuickBooks (sync incomplete: bills through page",
            await PartialSyncWarning.ForAsync(interrupted.Services, interrupted.Tenant, Ct), StringComparison.Ordinal);

        interrupted.Fake.FailQuery = null;
        var resumed = await sync.SyncAsync(interrupted.Tenant, full: false, null, Ct);
        await whole.Get<QuickBooksSync>().SyncAsync(whole.Tenant, full: false, null, Ct);

        // The resumed pass starts at the mark: nothing before it is read again.
        Assert.Equal(0, resumed.Entities["Account"].Read);
        Assert.Equal(Bills - (k * PageSize), resumed.Entities["Bill"].Read);
        Assert.Null(await sync.IncompleteAsync(interrupted.Tenant, Ct));
        Assert.Null(await PartialSyncWarning.ForAsync(interrupted.Services, interrupted.Tenant, Ct));
        foreach (var table in Tables)
        {
            Assert.Equal(await RowsAsync(whole, table), await RowsAsync(interrupted, table));
        }
    }

    [Fact]
    public async Task Sync_NeverInterrupted_NotIncomplete()
    {
        await using var h = await HarnessAsync();

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        Assert.Null(await h.Get<QuickBooksSync>().IncompleteAsync(h.Tenant, Ct));
    }

    [Theory]
    [InlineData("Bill", "bills")]
    [InlineData("JournalEntry", "journal entries")]
    [InlineData("Class", "classes")]
    [InlineData("PurchaseOrder", "purchase orders")]
    public void Describe_EntityName_PluralInPlainWords(string entity, string words)
    {
        var incomplete = new SyncIncomplete(entity, 3, "2026-11-27T22:00:00.000Z", null);

        Assert.Equal($"sync incomplete: {words} through page 3, started 2026-11-27T22:00:00.000Z", incomplete.Describe());
    }

    /// <summary>The small company plus bills 301-306 (seven bills: pages of 2, 2, 2 and 1), keyed in at a fixed time.</summary>
    private static async Task<QuickBooksHarness> HarnessAsync()
    {
        var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture) });
        for (var n = 301; n < 301 + Bills - 1; n++)
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            h.Fake.Add("Bill", QuickBooksHarness.Bill(id, "B-" + id, 100m + n), new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        }

        return h;
    }

    private static async Task<long> CountAsync(QuickBooksHarness h, string table)
    {
        await using var c = await h.Tenant.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    /// <summary>A table's rows as text, by id, without when the source last changed (each fake seeds at its own "now").</summary>
    private static async Task<List<string>> RowsAsync(QuickBooksHarness h, string table)
    {
        await using var c = await h.Tenant.OpenAsync(Ct);
        var rows = await c.QueryAsync($"SELECT * FROM {table} ORDER BY id");
        return rows.Cast<IDictionary<string, object?>>()
            .Select(r => new JsonObject(r.Where(p => p.Key is not ("source_updated_at" or "row_hash"))
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(Convert.ToString(p.Value, CultureInfo.InvariantCulture))))).ToJsonString())
            .ToList();
    }
}
