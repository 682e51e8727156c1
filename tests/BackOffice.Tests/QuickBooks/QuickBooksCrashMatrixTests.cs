using BackOffice.Agents.Financial.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: a crash at every step of executing (and undoing) a reclass into QuickBooks, with the crash seams of
/// issue 19's <c>CrashPointMatrixTests</c>: a trigger aborts exactly one database write, as a process killed there
/// leaves its transaction uncommitted. The points fall before the POST (the gate's claim), after the POST before the
/// state update (the local copy of what QuickBooks answered), and after that before the audit (the gate's finish).
/// After the restart the step is retried: the fake QuickBooks holds exactly one journal entry (requestid, then the
/// memo key), and the keyed audit chain is intact.
/// </summary>
public sealed class QuickBooksCrashMatrixTests
{
    public static TheoryData<string, string, int> ExecutePoints => new()
    {
        { "before the POST: proposal to executing", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executing'", 0 },
        { "before the POST: execution record", "BEFORE INSERT ON proposal_executions", 0 },
        { "before the POST: execution-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.execution-started'", 0 },
        { "after the POST: local copy of the entry", "BEFORE INSERT ON ledger_journal_entries", 1 },
        { "after the POST, finish (state and audit, one unit): proposal to executed", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executed'", 1 },
        { "after the POST, finish: execution outcome", "BEFORE UPDATE ON proposal_executions WHEN NEW.completed_at IS NOT NULL", 1 },
        { "after the state update, before the audit: executed event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.executed'", 1 },
    };

    public static TheoryData<string, string, int> UndoPoints => new()
    {
        { "before the DELETE: undo claim", "BEFORE UPDATE ON proposals WHEN NEW.undo_by IS NOT NULL AND OLD.undo_by IS NULL", 1 },
        { "before the DELETE: undo-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undo-started'", 1 },
        { "after the DELETE: local copy removed", "BEFORE DELETE ON ledger_journal_entries", 0 },
        { "after the DELETE, finish: proposal to reverted", "BEFORE UPDATE ON proposals WHEN NEW.state = 'reverted'", 0 },
        { "after the state update, before the audit: undone event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undone'", 0 },
    };

    [Theory]
    [MemberData(nameof(ExecutePoints))]
    public async Task Execute_CrashAtEachStep_RestartLeavesExactlyOneJournalEntryInQuickBooks(string point, string trigger, int inQuickBooksAtCrash)
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft());

        await run.CrashOnceAsync(trigger, () => run.ExecuteAsync(id));
        Assert.Equal(inQuickBooksAtCrash, run.H.Fake.All("JournalEntry").Count);
        var row = await run.RetryUntilAsync(id, ProposalStates.Executed, () => run.ExecuteAsync(id));

        Assert.Equal(ProposalStates.Executed, row.State);
        var entry = Assert.Single(run.H.Fake.All("JournalEntry"));
        Assert.Equal(250.00m, entry["Line"]![0]!["Amount"]!.GetValue<decimal>());
        Assert.Equal(1, (await run.AuditEventsAsync()).Count(e => e.Kind == "proposal.executed"));
        await run.AssertChainIntactAsync(point);
    }

    [Theory]
    [MemberData(nameof(UndoPoints))]
    public async Task Undo_CrashAtEachStep_RestartLeavesTheEntryDeletedOnce(string point, string trigger, int inQuickBooksAtCrash)
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft());
        var entryId = (await run.ExecuteAsync(id)).TargetId;

        await run.CrashOnceAsync(trigger, () => run.UndoAsync(id));
        Assert.Equal(inQuickBooksAtCrash, run.H.Fake.All("JournalEntry").Count);
        var row = await run.RetryUntilAsync(id, ProposalStates.Reverted, () => run.UndoAsync(id));

        Assert.Equal(ProposalStates.Reverted, row.State);
        Assert.Empty(run.H.Fake.All("JournalEntry"));
        Assert.Single(run.H.Fake.Deleted, d => d.Entity == "JournalEntry");
        await using (var connection = await run.H.Tenant.OpenAsync(CancellationToken.None))
        {
            // The local copy goes too, even when the crash fell between QuickBooks' delete and ours.
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_journal_entries WHERE id = @entryId", new { entryId }));
        }

        Assert.Equal(1, (await run.AuditEventsAsync()).Count(e => e.Kind == "proposal.undone"));
        await run.AssertChainIntactAsync(point);
    }

    /// <summary>A reclass as the Financial sweep drafts it (ReclassProposal): 250.00 of cost code 22-000 moved from 65 to 64 on job 59.</summary>
    internal static ProposalDraft Draft()
    {
        const string memo = "reclass bill-25-1: cost code 22-000 belongs on 64";
        var payload = ActionPayloadJson.ToJson(new ReclassPayload("2026-11-05", memo, "bill-25-1",
            [new("64", "Debit", "250.00", "59", memo), new("65", "Credit", "250.00", "59", memo)]));
        return new ProposalDraft("financial", ReclassPayload.Kind, "Reclass $250.00 of 22-000 to 64", RiskClass.Money, "fin-rc-test-1", payload,
            [Figure.Usd("amount", 250.00m, "test")], "250.00 with cost code 22-000 was posted to 65.", ["txn_date", "memo"]);
    }
}
