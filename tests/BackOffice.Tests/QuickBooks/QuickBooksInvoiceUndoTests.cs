using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: undoing an owner invoice (issue 16's ledger.create-invoice) written to QuickBooks, through the gate. If
/// someone edited it there since we wrote it (its SyncToken moved), undo refuses naming each field we wrote that differs,
/// before -> after, as bill undo does (<see cref="LedgerChanges"/>), and the refusal's audit entry records them; an
/// invoice nobody touched is deleted. The figures are pay application 2 of the README's G702 example: 151,000.00 of
/// work less 15,100.00 retainage = 135,900.00 due.
/// </summary>
public sealed class QuickBooksInvoiceUndoTests
{
    [Theory]
    [InlineData("customer", new[] { "CustomerRef 59 -> 58" })]
    [InlineData("due", new[] { "DueDate 2026-12-03 -> 2026-12-31" })]
    [InlineData("amount", new[] { "TotalAmt 135900.00 -> 136900.00", "Line 1 Amount 151000.00 -> 152000.00" })]
    [InlineData("item", new[] { "Line 1 ItemRef 1 -> 2" })]
    [InlineData("lines", new[] { "TotalAmt 135900.00 -> 136400.00", "Lines 2 -> 3" })]
    public async Task Undo_InvoiceEditedInQuickBooks_RefusesNamingEachFieldAndAuditsThem(string edit, string[] expected)
    {
        await using var run = await QuickBooksGateRun.StartAsync(QuickBooksInvoiceWriterTests.Items, QuickBooksInvoiceWriterTests.AddItems);
        var id = await run.ApprovedAsync(Draft());
        var invoiceId = (await run.ExecuteAsync(id)).TargetId!;
        run.H.Fake.Touch("Invoice", invoiceId, invoice => Edit(invoice, edit));

        var refused = await run.UndoRefusedAsync(id, expected, edit);

        Assert.Contains($"Invoice {invoiceId} was changed in the ledger after we wrote it (SyncToken 0 then, 1 now); changed: {string.Join("; ", expected)}. Undo refused.",
            refused.Message, StringComparison.Ordinal);
        Assert.NotNull(run.H.Fake.Find("Invoice", invoiceId));
    }

    [Fact]
    public async Task Undo_InvoicePaidInQuickBooks_RefusesNamingThePaymentNotTheFields()
    {
        await using var run = await QuickBooksGateRun.StartAsync(QuickBooksInvoiceWriterTests.Items, QuickBooksInvoiceWriterTests.AddItems);
        var id = await run.ApprovedAsync(Draft());
        var invoiceId = (await run.ExecuteAsync(id)).TargetId!;
        run.H.Fake.Touch("Invoice", invoiceId, i => i["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = "125", ["TxnType"] = "Payment" }));

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => run.UndoAsync(id));

        Assert.Contains("has a payment linked in QuickBooks (payment 125)", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(run.H.Fake.Find("Invoice", invoiceId));
    }

    [Fact]
    public async Task Undo_InvoiceUnchangedInQuickBooks_DeletesIt()
    {
        await using var run = await QuickBooksGateRun.StartAsync(QuickBooksInvoiceWriterTests.Items, QuickBooksInvoiceWriterTests.AddItems);
        var id = await run.ApprovedAsync(Draft());
        var invoiceId = (await run.ExecuteAsync(id)).TargetId!;

        var row = await run.UndoAsync(id);

        Assert.Equal(ProposalStates.Reverted, row.State);
        Assert.Null(run.H.Fake.Find("Invoice", invoiceId));
        Assert.DoesNotContain(await run.AuditEventsAsync(), e => e.Kind == "proposal.undo-failed");
    }

    /// <summary>What a bookkeeper changes on the invoice in QuickBooks (QuickBooks recomputes TotalAmt from the lines).</summary>
    private static void Edit(JsonObject invoice, string edit)
    {
        var lines = invoice["Line"]!.AsArray();
        switch (edit)
        {
            case "customer": invoice["CustomerRef"] = new JsonObject { ["value"] = "58" }; break;
            case "due": invoice["DueDate"] = "2026-12-31"; break;
            case "amount":
                lines[0]!["Amount"] = 152_000.00m;
                invoice["TotalAmt"] = 136_900.00m;
                break;
            case "item": lines[0]!["SalesItemLineDetail"]!["ItemRef"] = new JsonObject { ["value"] = "2" }; break;
            case "lines":
                lines.Add(new JsonObject { ["Amount"] = 500.00m, ["DetailType"] = "SalesItemLineDetail", ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = new JsonObject { ["value"] = "1" } } });
                invoice["TotalAmt"] = 136_400.00m;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(edit), edit, "no such edit");
        }
    }

    private static ProposalDraft Draft()
    {
        var payload = new OwnerInvoicePayload("pa-2", "59", "59", "PA-2", "2026-11-03", "2026-12-03", "151000.00", "15100.00", "135900.00", "Pay application 2");
        return new ProposalDraft("financial", OwnerInvoicePayload.Kind, "Invoice the owner $135,900.00 for pay application 2", RiskClass.Money, "fin-oi-undo-1",
            ActionPayloadJson.ToJson(payload), [Figure.Usd("amount_due", 135_900.00m, "test")], "Pay application 2 is due $135,900.00.", ["due_date"]);
    }
}
