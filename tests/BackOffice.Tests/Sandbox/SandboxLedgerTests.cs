using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Gate;
using BackOffice.Domain.Ledger;

namespace BackOffice.Tests.Sandbox;

public sealed class SandboxLedgerTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private static BillDraft Bill(string vendor = "v-1", string account = "a-5000", string? customer = "c-1", decimal amount = 100.25m) =>
        new(vendor, new DateOnly(2026, 11, 20), null, "SI-7", null,
            [new BillLineDraft(account, customer, "03-300", "Rebar", amount), new BillLineDraft("a-5000", null, null, "Tie wire", 9.75m)]);

    [Fact]
    public async Task CreateBill_Valid_TotalIsSumOfLinesInCents()
    {
        await _f.SeedAsync();
        var written = await _f.Ledger.CreateBillAsync(_f.Path, Bill(), "req-1", _ct);
        Assert.Equal("sbx-bill-1", written.EntityId);
        Assert.Equal("110.00", written.Response["Bill"]!["TotalAmt"]!.GetValue<string>());
        Assert.Equal(11000, await _f.CountAsync("SELECT total_cents FROM ledger_bills WHERE id = 'sbx-bill-1'"));
        Assert.Equal(2, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bill_lines WHERE bill_id = 'sbx-bill-1'"));
    }

    [Fact]
    public async Task CreateBill_SameRequestIdTwice_ReturnsOriginalAndWritesOnce()
    {
        await _f.SeedAsync();
        var first = await _f.Ledger.CreateBillAsync(_f.Path, Bill(), "req-1", _ct);
        var again = await _f.Ledger.CreateBillAsync(_f.Path, Bill(amount: 999m), "req-1", _ct);
        Assert.Equal(first.EntityId, again.EntityId);
        Assert.Equal(first.Response.ToJsonString(), again.Response.ToJsonString());
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"));
    }

    [Theory]
    [InlineData("v-9", "a-5000", "c-1", "Vendor v-9")]
    [InlineData("v-2", "a-5000", "c-1", "Vendor v-2")]
    [InlineData("v-1", "a-9999", "c-1", "Account a-9999")]
    [InlineData("v-1", "a-5000", "c-9", "Customer c-9")]
    public async Task CreateBill_UnknownOrInactiveReference_Refused2500(string vendor, string account, string customer, string named)
    {
        await _f.SeedAsync();
        var error = await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.CreateBillAsync(_f.Path, Bill(vendor, account, customer), "req-1", _ct));
        Assert.Equal(SandboxErrorCodes.InvalidReference, error.Code);
        Assert.Contains(named, error.Message);
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"));
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM sandbox_requests"));
    }

    [Theory]
    [InlineData("100.255")]
    [InlineData("-9.76")]
    public async Task CreateBill_AmountNotWholeCentsOrTotalNegative_Refused(string amount)
    {
        await _f.SeedAsync();
        var error = await Assert.ThrowsAsync<SandboxLedgerException>(() =>
            _f.Ledger.CreateBillAsync(_f.Path, Bill(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), "req-1", _ct));
        Assert.Equal(SandboxErrorCodes.InvalidProperty, error.Code);
    }

    [Fact]
    public async Task CreateBill_NegativeRetainageLineWithPositiveTotal_IsAccepted()
    {
        // QuickBooks users record retainage held on a sub's bill as a negative line to Retainage Payable.
        await _f.SeedAsync();
        var result = await _f.Ledger.CreateBillAsync(_f.Path, Bill(amount: -9.75m), "req-1", _ct);
        Assert.Equal(0, await _f.CountAsync($"SELECT total_cents FROM ledger_bills WHERE id = '{result.EntityId}'"));
    }

    [Fact]
    public async Task CreateBill_NoLines_Refused()
    {
        await _f.SeedAsync();
        var error = await Assert.ThrowsAsync<SandboxLedgerException>(() =>
            _f.Ledger.CreateBillAsync(_f.Path, new BillDraft("v-1", new DateOnly(2026, 11, 20), null, null, null, []), "req-1", _ct));
        Assert.Equal(SandboxErrorCodes.RequiredParamMissing, error.Code);
    }

    [Fact]
    public async Task CreateBill_RequestIdOver50Chars_Refused()
    {
        await _f.SeedAsync();
        await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.CreateBillAsync(_f.Path, Bill(), new string('r', 51), _ct));
    }

    [Fact]
    public async Task DeleteBill_StaleSyncToken_Refused5010AndBillKept()
    {
        await _f.SeedAsync();
        var written = await _f.Ledger.CreateBillAsync(_f.Path, Bill(), "req-1", _ct);
        var error = await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.DeleteBillAsync(_f.Path, written.EntityId, 1, "req-2", _ct));
        Assert.Equal(SandboxErrorCodes.StaleObject, error.Code);
        Assert.Contains("Stale Object Error", error.Message);
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"));
    }

    [Fact]
    public async Task DeleteBill_CurrentSyncToken_RemovesBillAndLines()
    {
        await _f.SeedAsync();
        var written = await _f.Ledger.CreateBillAsync(_f.Path, Bill(), "req-1", _ct);
        await _f.Ledger.DeleteBillAsync(_f.Path, written.EntityId, written.SyncToken, "req-2", _ct);
        Assert.Equal(0, await _f.CountAsync("SELECT (SELECT COUNT(*) FROM ledger_bills) + (SELECT COUNT(*) FROM ledger_bill_lines)"));
        var missing = await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.DeleteBillAsync(_f.Path, written.EntityId, 0, "req-3", _ct));
        Assert.Equal(SandboxErrorCodes.ObjectNotFound, missing.Code);
    }

    [Fact]
    public async Task CreateJournalEntry_Unbalanced_Refused6000()
    {
        await _f.SeedAsync();
        var entry = new JournalEntryDraft(new DateOnly(2026, 11, 20), "RJE-1", "Reclass",
            [new JournalLineDraft("a-5000", PostingType.Debit, 500m, "c-1", null), new JournalLineDraft("a-2000", PostingType.Credit, 499.99m, null, null)]);
        var error = await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.CreateJournalEntryAsync(_f.Path, entry, "req-je", _ct));
        Assert.Equal(SandboxErrorCodes.BusinessValidation, error.Code);
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM ledger_journal_entries"));
    }

    [Fact]
    public async Task JournalEntry_BalancedCreateThenDelete_LeavesNothing()
    {
        await _f.SeedAsync();
        var entry = new JournalEntryDraft(new DateOnly(2026, 11, 20), "RJE-1", "Reclass",
            [new JournalLineDraft("a-5000", PostingType.Debit, 500m, "c-1", null), new JournalLineDraft("a-2000", PostingType.Credit, 500m, null, null)]);
        var written = await _f.Ledger.CreateJournalEntryAsync(_f.Path, entry, "req-je", _ct);
        Assert.Equal("sbx-je-1", written.EntityId);
        Assert.Equal(2, await _f.CountAsync("SELECT COUNT(*) FROM ledger_journal_lines"));
        var stale = await Assert.ThrowsAsync<SandboxLedgerException>(() => _f.Ledger.DeleteJournalEntryAsync(_f.Path, written.EntityId, 3, "req-del-0", _ct));
        Assert.Equal(SandboxErrorCodes.StaleObject, stale.Code);
        await _f.Ledger.DeleteJournalEntryAsync(_f.Path, written.EntityId, 0, "req-del", _ct);
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM ledger_journal_entries"));
    }
}
