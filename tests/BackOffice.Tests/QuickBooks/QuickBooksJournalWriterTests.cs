using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Ledger;
using BackOffice.Store.Proposals;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: journal entries (reclass, retainage, allowance) written into QuickBooks as JournalEntry objects with
/// requestid, recovered by date and memo key, and undone only while their SyncToken has not moved.
/// The line shape follows Intuit's JournalEntry reference as noted in /work/notes/qbo.md section 5.
/// </summary>
public sealed class QuickBooksJournalWriterTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A retainage holding entry: debit retainage receivable for the job, credit the contract revenue account.</summary>
    private static JournalEntryDraft Entry(string date = "2026-11-05") => new(
        DateOnly.Parse(date, CultureInfo.InvariantCulture), null, "Retainage held on pay app 3",
        [new JournalLineDraft("65", PostingType.Debit, 1250.00m, "59", "Retainage receivable"),
         new JournalLineDraft("64", PostingType.Credit, 1250.00m, null, "Contract revenue")]);

    [Fact]
    public async Task CreateJournalEntry_SameRequestIdTwice_OneBalancedEntryInQuickBooks()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var writer = h.Get<QuickBooksJournalWriter>();

        var first = await writer.CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-1", Ct);
        var again = await writer.CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-1", Ct);

        Assert.Equal(first.EntityId, again.EntityId);
        var entry = Assert.Single(h.Fake.All("JournalEntry"));
        var debit = entry["Line"]![0]!["JournalEntryLineDetail"]!;
        Assert.Equal("Debit", debit["PostingType"]!.ToString());
        Assert.Equal("65", debit["AccountRef"]!["value"]!.ToString());
        Assert.Equal("Customer", debit["Entity"]!["Type"]!.ToString());
        Assert.Equal("59", debit["Entity"]!["EntityRef"]!["value"]!.ToString());
        Assert.Null(entry["Line"]![1]!["JournalEntryLineDetail"]!["Entity"]);
        Assert.Contains("[backoffice key-je-1]", entry["PrivateNote"]!.ToString(), StringComparison.Ordinal);
        await using var c = await h.Tenant.OpenAsync(Ct);
        var lines = (await c.QueryAsync<(string Posting, long Cents, string? Customer)>(
            "SELECT posting_type, amount_cents, customer_id FROM ledger_journal_lines WHERE journal_entry_id = @id ORDER BY line_no", new { id = first.EntityId })).ToList();
        Assert.Equal([("Debit", 125000L, "59"), ("Credit", 125000L, null)], lines);
    }

    [Fact]
    public async Task CreateJournalEntry_RequestIdNoLongerRemembered_FindsOursByDateAndMemo()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var writer = h.Get<QuickBooksJournalWriter>();
        var first = await writer.CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-1", Ct);
        h.Fake.Replies.Clear();

        var retry = await writer.CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-1", Ct);
        var other = await writer.CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-2", Ct);

        Assert.Equal(first.EntityId, retry.EntityId);
        Assert.NotEqual(first.EntityId, other.EntityId);
        Assert.Equal(2, h.Fake.All("JournalEntry").Count);
    }

    [Fact]
    public async Task Undo_TargetQuickBooksEntryUntouched_DeletesItThere()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var (request, outcome) = await WrittenThroughTargetAsync(h);

        Assert.DoesNotContain("sbx-", outcome.TargetId, StringComparison.Ordinal);
        await JournalEntryWrites.UndoAsync(h.Get<IJournalWriter>(), request, outcome, Ct);

        Assert.Null(h.Fake.Find("JournalEntry", outcome.TargetId));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_journal_entries WHERE id = @id AND status = 'active'", new { id = outcome.TargetId }));
    }

    [Fact]
    public async Task Undo_EntryEditedInQuickBooks_RefusesAndKeepsIt()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var (request, outcome) = await WrittenThroughTargetAsync(h);
        h.Fake.Touch("JournalEntry", outcome.TargetId, e => e["PrivateNote"] = "corrected by the controller");

        var error = await Assert.ThrowsAsync<LedgerChangedException>(() => JournalEntryWrites.UndoAsync(h.Get<IJournalWriter>(), request, outcome, Ct));

        Assert.Contains("(SyncToken 0 then, 1 now)", error.Message, StringComparison.Ordinal);
        Assert.NotNull(h.Fake.Find("JournalEntry", outcome.TargetId));
    }

    [Fact]
    public async Task CreateJournalEntry_TargetSandbox_StaysInTheSandbox()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        var written = await h.Get<IJournalWriter>().CreateJournalEntryAsync(h.Tenant, Entry(), "key-je-1", Ct);

        Assert.StartsWith("sbx-je-", written.EntityId, StringComparison.Ordinal);
        Assert.Empty(h.Fake.All("JournalEntry"));
    }

    /// <summary>The tenant's target switched to QuickBooks, then the entry written as an executor writes it.</summary>
    private static async Task<(ActionRequest Request, ActionOutcome Outcome)> WrittenThroughTargetAsync(QuickBooksHarness h)
    {
        await using (var unit = await h.Tenant.WriteAsync(Ct))
        {
            await LedgerTargets.SetAsync(unit, LedgerTargets.QuickBooks, "sam", StoreTime.ToText(DateTimeOffset.UtcNow), Ct);
            await unit.CommitAsync(Ct);
        }

        var request = new ActionRequest(h.Tenant, 1, "key-je-1", new JsonObject());
        return (request, await JournalEntryWrites.CreateAsync(h.Get<IJournalWriter>(), request, Entry(), Ct));
    }
}
