using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: a crash at every step of executing (and undoing) an approved bill into QuickBooks, with the crash seams
/// of issue 19 (<see cref="Support.CrashSeams"/>: a trigger aborts exactly one database write, as a process killed
/// there leaves its transaction uncommitted). Steps: before the request (the gate's claim), after the request reached
/// QuickBooks but before its answer is recorded (the local copy of the bill), after recording but before the gate's
/// execution row is marked done, and before the audit. After the restart the retry resumes with the same key: a bill
/// without a DocNumber is re-sent with the SAME requestid and the fake answers with its first result (Intuit: a
/// repeated requestid returns the original response); a bill with one is found by vendor, DocNumber and the key in
/// its memo first. Either way QuickBooks holds exactly one bill, our records carry its Id and SyncToken, and the audit
/// chain verifies.
/// </summary>
public sealed class QuickBooksBillCrashMatrixTests
{
    private const string Key = "fin-bill-crash-1";

    private static readonly (string Point, string Trigger, int InQuickBooks)[] ExecuteSteps =
    [
        ("before the request: proposal to executing", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executing'", 0),
        ("before the request: execution record", "BEFORE INSERT ON proposal_executions", 0),
        ("before the request: execution-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.execution-started'", 0),
        ("after the request, before the answer is recorded: local copy of the bill", "BEFORE INSERT ON ledger_bills", 1),
        ("after recording, before the execution row is marked: proposal to executed", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executed'", 1),
        ("after recording, before the execution row is marked: execution outcome", "BEFORE UPDATE ON proposal_executions WHEN NEW.completed_at IS NOT NULL", 1),
        ("after the state update, before the audit: executed event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.executed'", 1),
    ];

    public static TheoryData<string, string, int, string?> ExecutePoints()
    {
        var data = new TheoryData<string, string, int, string?>();
        foreach (var (point, trigger, inQuickBooks) in ExecuteSteps)
        {
            data.Add(point, trigger, inQuickBooks, "RP-2001");
            data.Add(point, trigger, inQuickBooks, null);
        }

        return data;
    }

    public static TheoryData<string, string, int> UndoPoints => new()
    {
        { "before the DELETE: undo claim", "BEFORE UPDATE ON proposals WHEN NEW.undo_by IS NOT NULL AND OLD.undo_by IS NULL", 1 },
        { "before the DELETE: undo-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undo-started'", 1 },
        { "after the DELETE: local copy removed", "BEFORE DELETE ON ledger_bills", 0 },
        { "after the DELETE, finish: proposal to reverted", "BEFORE UPDATE ON proposals WHEN NEW.state = 'reverted'", 0 },
        { "after the state update, before the audit: undone event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undone'", 0 },
    };

    [Theory]
    [MemberData(nameof(ExecutePoints))]
    public async Task Execute_CrashAtEachStep_RestartLeavesExactlyOneBillLinkedToOurRecord(string point, string trigger, int inQuickBooksAtCrash, string? docNumber)
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft(docNumber));

        await run.CrashOnceAsync(trigger, () => run.ExecuteAsync(id));
        Assert.Equal(inQuickBooksAtCrash, Ours(run).Count);
        var row = await run.RetryUntilAsync(id, ProposalStates.Executed, () => run.ExecuteAsync(id));

        Assert.Equal(ProposalStates.Executed, row.State);
        var bill = Assert.Single(Ours(run));
        Assert.Equal(9000.00m, bill["TotalAmt"]!.GetValue<decimal>());
        var creates = run.H.Fake.Writes.Where(w => w is { Entity: "Bill", Delete: false }).ToList();
        Assert.All(creates, w => Assert.Equal(Key, w.RequestId));
        if (docNumber is null && inQuickBooksAtCrash == 1)
        {
            // Nothing to look the bill up by: the retry re-sent it and QuickBooks replayed its first answer.
            Assert.Equal(2, creates.Count);
            Assert.Equal(1, run.H.Fake.Replayed);
        }

        await AssertLinkedAsync(run, row, bill);
        Assert.Equal(1, (await run.AuditEventsAsync()).Count(e => e.Kind == "proposal.executed"));
        await run.AssertChainIntactAsync(point);
    }

    [Theory]
    [MemberData(nameof(UndoPoints))]
    public async Task Undo_CrashAtEachStep_RestartLeavesTheBillDeletedOnce(string point, string trigger, int inQuickBooksAtCrash)
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft("RP-2001"));
        var billId = (await run.ExecuteAsync(id)).TargetId!;

        await run.CrashOnceAsync(trigger, () => run.UndoAsync(id));
        Assert.Equal(inQuickBooksAtCrash, Ours(run).Count);
        var row = await run.RetryUntilAsync(id, ProposalStates.Reverted, () => run.UndoAsync(id));

        Assert.Equal(ProposalStates.Reverted, row.State);
        Assert.Empty(Ours(run));
        Assert.Single(run.H.Fake.Deleted, d => d.Entity == "Bill" && d.Id == billId);
        Assert.All(run.H.Fake.Writes.Where(w => w.Delete), w => Assert.Equal(CreateBillExecutor.UndoRequestId(Key), w.RequestId));
        await using var connection = await run.H.Tenant.OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills WHERE id = @billId", new { billId }));
        Assert.Equal(1, (await run.AuditEventsAsync()).Count(e => e.Kind == "proposal.undone"));
        await run.AssertChainIntactAsync(point);
    }

    /// <summary>The bills in the fake QuickBooks that carry our key in their memo.</summary>
    private static List<JsonObject> Ours(QuickBooksGateRun run) =>
        run.H.Fake.All("Bill").Where(b => b["PrivateNote"]?.ToString().Contains(QuickBooksLedgerWriter.Marker(Key), StringComparison.Ordinal) == true).ToList();

    /// <summary>The proposal, its recorded outcome and the local ledger row all name QuickBooks' Id and SyncToken.</summary>
    private static async Task AssertLinkedAsync(QuickBooksGateRun run, Store.Proposals.ProposalRow row, JsonObject bill)
    {
        var billId = bill["Id"]!.GetValue<string>();
        Assert.Equal(billId, row.TargetId);
        var result = JsonNode.Parse(row.ResultJson!)!;
        Assert.Equal(billId, result["bill_id"]!.GetValue<string>());
        Assert.Equal(long.Parse(bill["SyncToken"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), result["sync_token"]!.GetValue<long>());
        await using var connection = await run.H.Tenant.OpenAsync(CancellationToken.None);
        var local = await connection.QuerySingleAsync<(long Cents, string Token)>(
            "SELECT total_cents, CAST(sync_token AS TEXT) FROM ledger_bills WHERE id = @billId", new { billId });
        Assert.Equal(900000L, local.Cents);
        Assert.Equal(bill["SyncToken"]!.GetValue<string>(), local.Token);
    }

    /// <summary>A subcontractor's bill as the Documents agent drafts it: 10,000.00 of rough-in on job 59 less 1,000.00 retainage held.</summary>
    private static ProposalDraft Draft(string? docNumber)
    {
        var payload = ActionPayloadJson.ToJson(new CreateBillPayload("46", "Rivera Plumbing", "2026-11-03", "2026-12-03", docNumber, "Sub invoice rough-in",
            [new CreateBillLine("64", "59", "22-000", "Rough-in", "10000.00"), new CreateBillLine("65", null, null, "Retainage held", "-1000.00")]));
        return new ProposalDraft("financial", CreateBillPayload.Kind, "Draft bill to Rivera Plumbing for $9,000.00", RiskClass.Money, Key, payload,
            [Figure.Usd("bill_total", 9000.00m, "test")], "Rivera Plumbing invoiced rough-in on job 59.", ["due_date", "memo"]);
    }
}
