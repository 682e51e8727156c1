using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Gate;
using Dapper;

namespace BackOffice.Tests.Sandbox;

/// <summary>
/// Issue 17 (a leftover of issue 13): undoing a bill or journal entry the sandbox ledger wrote, after someone changed it
/// there (its SyncToken moved), is refused naming each field we wrote that differs, before -> after, through the shared
/// <see cref="LedgerChanges"/>, as QuickBooks bills and sandbox invoices are; the gate's audit entry keeps the fields.
/// The bill is <see cref="GateFixture.BillDraft"/>: SI-1001 of Acme Concrete, one 1,234.50 line to job c-1.
/// </summary>
public sealed class SandboxBillUndoTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("UPDATE ledger_bills SET vendor_id = 'v-3'", new[] { "VendorRef v-1 -> v-3" })]
    [InlineData("UPDATE ledger_bills SET due_date = '2027-01-05'", new[] { "DueDate 2026-12-20 -> 2027-01-05" })]
    [InlineData("UPDATE ledger_bills SET memo = 'Pay app 3, corrected'", new[] { "PrivateNote Pay app 3 -> Pay app 3, corrected" })]
    [InlineData("UPDATE ledger_bills SET total_cents = 134550; UPDATE ledger_bill_lines SET amount_cents = 134550",
        new[] { "TotalAmt 1234.50 -> 1345.50", "Line 1 Amount 1234.50 -> 1345.50" })]
    [InlineData("UPDATE ledger_bill_lines SET account_id = 'a-2000', customer_id = NULL",
        new[] { "Line 1 AccountRef a-5000 -> a-2000", "Line 1 CustomerRef c-1 -> (none)" })]
    public async Task Undo_SandboxBillChangedSinceWritten_RefusesNamingEachFieldAndAuditsThem(string edit, string[] expected)
    {
        var id = await ExecutedBillAsync();
        await EditAsync(edit + "; UPDATE ledger_bills SET sync_token = sync_token + 1");

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct));

        Assert.Equal(expected, refused.ChangedFields);
        Assert.Contains($"changed: {string.Join("; ", expected)}. Undo refused.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"));
        var failed = (await _f.AuditEventsAsync()).Last(e => e.Kind == "proposal.undo-failed");
        Assert.Equal(expected, JsonNode.Parse(failed.DataJson)!["changed_fields"]!.AsArray().Select(f => (string)f!).ToArray());
    }

    [Fact]
    public async Task Undo_SandboxBillTokenMovedFieldsSame_SaysTheChangeIsElsewhere()
    {
        var id = await ExecutedBillAsync();
        await EditAsync("UPDATE ledger_bills SET sync_token = sync_token + 1");

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct));

        Assert.Empty(refused.ChangedFields);
        Assert.Contains("none of the fields we wrote differ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_SandboxBillUnchanged_DeletesIt()
    {
        var id = await ExecutedBillAsync();

        await _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct);

        Assert.Equal(0, await _f.CountAsync("SELECT (SELECT COUNT(*) FROM ledger_bills) + (SELECT COUNT(*) FROM ledger_bill_lines)"));
    }

    [Theory]
    [InlineData("UPDATE ledger_journal_entries SET memo = 'Reclass, reviewed'", new[] { "PrivateNote Reclass -> Reclass, reviewed" })]
    [InlineData("UPDATE ledger_journal_lines SET amount_cents = 60000", new[] { "Line 1 Amount 500.00 -> 600.00", "Line 2 Amount 500.00 -> 600.00" })]
    [InlineData("UPDATE ledger_journal_lines SET account_id = 'a-2000' WHERE line_no = 1", new[] { "Line 1 AccountRef a-5000 -> a-2000" })]
    [InlineData("UPDATE ledger_journal_lines SET customer_id = NULL WHERE line_no = 1", new[] { "Line 1 Entity c-1 -> (none)" })]
    public async Task Undo_SandboxJournalEntryChangedSinceWritten_RefusesNamingEachField(string edit, string[] expected)
    {
        await _f.SeedAsync();
        var request = new ActionRequest(_f.Path, 1, "key-je-1", new JsonObject());
        var entry = new JournalEntryDraft(new DateOnly(2026, 11, 20), "RC-1", "Reclass",
            [new JournalLineDraft("a-5000", PostingType.Debit, 500m, "c-1", "To job 1"), new JournalLineDraft("a-5000", PostingType.Credit, 500m, null, "From overhead")]);
        var outcome = await JournalEntryWrites.CreateAsync(_f.Ledger, request, entry, _ct);
        await EditAsync(edit + "; UPDATE ledger_journal_entries SET sync_token = sync_token + 1");

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => JournalEntryWrites.UndoAsync(_f.Ledger, request, outcome, _ct));

        Assert.Equal(expected, refused.ChangedFields);
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_journal_entries"));
    }

    private async Task<long> ExecutedBillAsync()
    {
        await _f.SeedAsync();
        await _f.EnableWritesAsync();
        var id = await _f.SubmitAsync();
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        return id;
    }

    /// <summary>A change made in the ledger by hand, the SyncToken moved with it as the ledger moves it.</summary>
    private async Task EditAsync(string sql)
    {
        await using var connection = await _f.Path.OpenAsync(_ct);
        await connection.ExecuteAsync("INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('v-3', 'Other Concrete', 1, 'x'); " + sql);
    }
}
