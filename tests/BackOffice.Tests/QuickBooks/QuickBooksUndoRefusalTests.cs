using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: undoing a bill written to QuickBooks reads it back first. If someone edited it there since we wrote it
/// (its SyncToken moved), undo refuses and names the fields that differ from what we wrote, and the audit entry of
/// the refusal records them; a bill nobody touched is deleted as before.
/// </summary>
public sealed class QuickBooksUndoRefusalTests
{
    private const string Key = "fin-bill-undo-1";

    [Theory]
    [InlineData("total", "TotalAmt 9000.00 -> 9500.00")]
    [InlineData("due", "DueDate 2026-12-03 -> 2026-12-31")]
    [InlineData("line-amount", "Line 1 Amount 10000.00 -> 10500.00")]
    [InlineData("line-account", "Line 1 AccountRef 64 -> 65")]
    [InlineData("line-job", "Line 1 CustomerRef 59 -> 58")]
    [InlineData("vendor", "VendorRef 46 -> 47")]
    [InlineData("lines", "Lines 2 -> 3")]
    public async Task Undo_BillEditedInQuickBooks_RefusesNamingTheFieldAndAuditsIt(string edit, string expected)
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft());
        var billId = (await run.ExecuteAsync(id)).TargetId!;
        run.H.Fake.Touch("Bill", billId, bill => Edit(bill, edit));

        var refused = await run.UndoRefusedAsync(id, [expected], edit);

        Assert.Contains($"(SyncToken 0 then, 1 now); changed: {expected}. Undo refused.", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(run.H.Fake.Find("Bill", billId));
    }

    [Fact]
    public async Task Undo_BillTouchedButNoFieldWeWroteDiffers_RefusesSayingTheChangeIsElsewhere()
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft());
        var billId = (await run.ExecuteAsync(id)).TargetId!;
        run.H.Fake.Touch("Bill", billId, bill => bill["Attachments"] = 1);

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => run.UndoAsync(id));

        Assert.Empty(refused.ChangedFields);
        Assert.Contains("none of the fields we wrote differ", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(run.H.Fake.Find("Bill", billId));
    }

    [Fact]
    public async Task Undo_BillUnchangedInQuickBooks_DeletesItAsBefore()
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(Draft());
        var billId = (await run.ExecuteAsync(id)).TargetId!;

        var row = await run.UndoAsync(id);

        Assert.Equal(ProposalStates.Reverted, row.State);
        Assert.Null(run.H.Fake.Find("Bill", billId));
        Assert.DoesNotContain(await run.AuditEventsAsync(), e => e.Kind == "proposal.undo-failed");
    }

    [Fact]
    public async Task Undo_JournalEntryAmountsEditedInQuickBooks_RefusesNamingBothLines()
    {
        await using var run = await QuickBooksGateRun.StartAsync();
        var id = await run.ApprovedAsync(QuickBooksCrashMatrixTests.Draft());
        var entryId = (await run.ExecuteAsync(id)).TargetId!;
        run.H.Fake.Touch("JournalEntry", entryId, entry =>
        {
            entry["Line"]![0]!["Amount"] = 300.00m;
            entry["Line"]![1]!["Amount"] = 300.00m;
        });

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => run.UndoAsync(id));

        Assert.Equal(["Line 1 Amount 250.00 -> 300.00", "Line 2 Amount 250.00 -> 300.00"], refused.ChangedFields);
        Assert.StartsWith($"Journal entry {entryId} was changed in the ledger after we wrote it (SyncToken 0 then, 1 now); changed: ", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(run.H.Fake.Find("JournalEntry", entryId));
    }

    /// <summary>What a bookkeeper changes on the bill in QuickBooks.</summary>
    private static void Edit(JsonObject bill, string edit)
    {
        var detail = bill["Line"]![0]!["AccountBasedExpenseLineDetail"]!;
        switch (edit)
        {
            case "total": bill["TotalAmt"] = 9500.00m; break;
            case "due": bill["DueDate"] = "2026-12-31"; break;
            case "line-amount": bill["Line"]![0]!["Amount"] = 10500.00m; break;
            case "line-account": detail["AccountRef"] = new JsonObject { ["value"] = "65" }; break;
            case "line-job": detail["CustomerRef"] = new JsonObject { ["value"] = "58" }; break;
            case "vendor": bill["VendorRef"] = new JsonObject { ["value"] = "47" }; break;
            case "lines": bill["Line"]!.AsArray().Add(new JsonObject { ["Amount"] = 0m, ["DetailType"] = "AccountBasedExpenseLineDetail" }); break;
            default: throw new ArgumentOutOfRangeException(nameof(edit), edit, "no such edit");
        }
    }

    /// <summary>10,000.00 of rough-in on job 59 less 1,000.00 retainage held, due 2026-12-03.</summary>
    private static ProposalDraft Draft()
    {
        var payload = ActionPayloadJson.ToJson(new CreateBillPayload("46", "Rivera Plumbing", "2026-11-03", "2026-12-03", "RP-3001", "Sub invoice rough-in",
            [new CreateBillLine("64", "59", "22-000", "Rough-in", "10000.00"), new CreateBillLine("65", null, null, "Retainage held", "-1000.00")]));
        return new ProposalDraft("financial", CreateBillPayload.Kind, "Draft bill to Rivera Plumbing for $9,000.00", RiskClass.Money, Key, payload,
            [Figure.Usd("bill_total", 9000.00m, "test")], "Rivera Plumbing invoiced rough-in on job 59.", ["due_date", "memo"]);
    }
}
