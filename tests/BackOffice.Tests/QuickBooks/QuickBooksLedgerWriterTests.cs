using BackOffice.Domain.Ledger;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>Issue 13: bills written into QuickBooks with requestid, recovery by natural key, and QuickBooks' refusals.</summary>
public sealed class QuickBooksLedgerWriterTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static BillDraft Draft(string date = "2026-11-03") => new(
        "46", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, "RP-1042", "Sub invoice RP-1042",
        [new BillLineDraft("64", "59", "22-000", "Rough-in", 10000.00m), new BillLineDraft("65", null, null, "Retainage held", -1000.00m)]);

    [Fact]
    public async Task CreateBill_SameRequestIdTwice_OneBillInQuickBooks()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var writer = h.Get<QuickBooksLedgerWriter>();

        var first = await writer.CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);
        var again = await writer.CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);

        Assert.Equal(first.EntityId, again.EntityId);
        var bills = h.Fake.All("Bill").Where(b => b["DocNumber"]?.ToString() == "RP-1042").ToList();
        var bill = Assert.Single(bills);
        Assert.Equal(9000.00m, bill["TotalAmt"]!.GetValue<decimal>());
        Assert.Equal("AccountBasedExpenseLineDetail", bill["Line"]![0]!["DetailType"]!.ToString());
        Assert.Equal("59", bill["Line"]![0]!["AccountBasedExpenseLineDetail"]!["CustomerRef"]!["value"]!.ToString());
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(900000L, await c.ExecuteScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE id = @id", new { id = first.EntityId }));
    }

    [Fact]
    public async Task CreateBill_RequestIdNoLongerRemembered_FindsOurBillByDocNumberAndMemo()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var writer = h.Get<QuickBooksLedgerWriter>();
        var first = await writer.CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);
        h.Fake.Replies.Clear();

        var retry = await writer.CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);

        Assert.Equal(first.EntityId, retry.EntityId);
        Assert.Single(h.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
    }

    [Fact]
    public async Task DeleteBill_StaleSyncToken_Fails5010InPlainWords()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var writer = h.Get<QuickBooksLedgerWriter>();
        var written = await writer.CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);
        h.Fake.Touch("Bill", written.EntityId, b => b["PrivateNote"] = "edited in QuickBooks");

        var error = await Assert.ThrowsAsync<QuickBooksFaultException>(() => writer.DeleteBillAsync(h.Tenant, written.EntityId, 0, "undo-1", Ct));

        Assert.True(error.StaleSyncToken);
        Assert.StartsWith("QuickBooks refused: someone changed this record in QuickBooks since we read it", error.Message, StringComparison.Ordinal);
        Assert.NotNull(h.Fake.Find("Bill", written.EntityId));
    }

    [Fact]
    public async Task CreateBill_ClosedPeriod_Fails6210InPlainWords()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.ClosedThrough = new DateOnly(2026, 10, 31);

        var error = await Assert.ThrowsAsync<QuickBooksFaultException>(() =>
            h.Get<QuickBooksLedgerWriter>().CreateBillAsync(h.Tenant, Draft("2026-10-15"), "key-1", Ct));

        Assert.True(error.PeriodClosed);
        Assert.Contains("accounting period is closed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
    }

    [Fact]
    public async Task TargetedWriter_DefaultTarget_WritesToSandbox()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        var written = await h.Get<ILedgerWriter>().CreateBillAsync(h.Tenant, Draft(), "key-1", Ct);

        Assert.StartsWith("sbx-bill-", written.EntityId, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
    }
}
