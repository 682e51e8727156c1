using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Gate;
using Dapper;

namespace BackOffice.Tests.Sandbox;

/// <summary>
/// Issue 17 (a leftover of issue 13): deleting an invoice the sandbox ledger wrote, after someone changed it there (its
/// SyncToken moved), is refused naming each field we wrote that differs, before -> after, as QuickBooks invoice undo does
/// (<see cref="LedgerChanges"/>). The figures are pay application 2 of the README's G702 example: 151,000.00 of work
/// less 15,100.00 retainage = 135,900.00 due.
/// </summary>
public sealed class SandboxInvoiceUndoTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("UPDATE ledger_invoices SET customer_id = 'c-2'", new[] { "CustomerRef c-1 -> c-2" })]
    [InlineData("UPDATE ledger_invoices SET due_date = '2026-12-31'", new[] { "DueDate 2026-12-03 -> 2026-12-31" })]
    [InlineData("UPDATE ledger_invoices SET total_cents = 13690000; UPDATE ledger_invoice_lines SET amount_cents = 15200000",
        new[] { "TotalAmt 135900.00 -> 136900.00", "Line 1 Amount 151000.00 -> 152000.00" })]
    [InlineData("UPDATE ledger_invoice_lines SET item = 'Change order 3'", new[] { "Line 1 ItemRef Progress billing -> Change order 3" })]
    [InlineData("UPDATE ledger_invoices SET total_cents = 13640000; INSERT INTO ledger_invoice_lines (id, invoice_id, line_no, item, description, amount_cents, row_hash) VALUES ('x-2', 'sbx-inv-1', 2, 'Extra', 'Added by hand', 50000, 'x')",
        new[] { "TotalAmt 135900.00 -> 136400.00", "Lines 1 -> 2" })]
    public async Task DeleteInvoice_ChangedSinceWritten_RefusesNamingEachFieldAndKeepsIt(string edit, string[] expected)
    {
        var written = await WriteAsync();
        await EditAsync(edit);

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => DeleteAsync(written, written.Response["Invoice"] as JsonObject));

        Assert.Equal(expected, refused.ChangedFields);
        Assert.Contains($"Invoice sbx-inv-1 was changed in the ledger after we wrote it (SyncToken 0 then, 1 now); changed: {string.Join("; ", expected)}. Undo refused.",
            refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM ledger_invoices"));
    }

    [Fact]
    public async Task DeleteInvoice_WrittenBeforeTheResponseHadLines_ComparesOnlyWhatWasKept()
    {
        var written = await WriteAsync();
        await EditAsync("UPDATE ledger_invoices SET customer_id = 'c-2', due_date = '2026-12-31'");
        var kept = new JsonObject { ["Id"] = "sbx-inv-1", ["SyncToken"] = "0", ["DocNumber"] = "PA-2", ["TxnDate"] = "2026-11-03", ["DueDate"] = "2026-12-03", ["TotalAmt"] = "135900.00" };

        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => DeleteAsync(written, kept));

        Assert.Equal(["DueDate 2026-12-03 -> 2026-12-31"], refused.ChangedFields);
    }

    [Fact]
    public async Task DeleteInvoice_Unchanged_DeletesItAndItsLines()
    {
        var written = await WriteAsync();

        await DeleteAsync(written, written.Response["Invoice"] as JsonObject);

        Assert.Equal(0, await _f.CountAsync("SELECT (SELECT COUNT(*) FROM ledger_invoices) + (SELECT COUNT(*) FROM ledger_invoice_lines)"));
    }

    [Fact]
    public async Task CreateInvoice_Response_CarriesTheCustomerAndLinesAsStored()
    {
        var invoice = (await WriteAsync()).Response["Invoice"]!;

        Assert.Equal("c-1", (string)invoice["CustomerRef"]!["value"]!);
        Assert.Equal("135900.00", (string)invoice["TotalAmt"]!);
        Assert.Equal("151000.00", (string)invoice["Line"]![0]!["Amount"]!);
        Assert.Equal("Progress billing", (string)invoice["Line"]![0]!["SalesItemLineDetail"]!["ItemRef"]!["value"]!);
    }

    private async Task<LedgerWriteResult> WriteAsync()
    {
        await _f.SeedAsync();
        var draft = new InvoiceDraft("c-1", "PA-2", new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 3), 15_100.00m,
            [new InvoiceLineDraft("Progress billing", "Pay application 2", 151_000.00m)]);
        return await _f.Ledger.CreateInvoiceAsync(_f.Path, draft, "req-inv", _ct);
    }

    /// <summary>A change made in the ledger by hand: the fields, and the SyncToken moved as the ledger moves it.</summary>
    private async Task EditAsync(string sql)
    {
        await using var connection = await _f.Path.OpenAsync(_ct);
        await connection.ExecuteAsync(
            "INSERT INTO ledger_customers (id, name, fully_qualified_name, is_project, active, row_hash) VALUES ('c-2', 'Job 2', 'Owner:Job 2', 0, 1, 'x'); "
            + sql + "; UPDATE ledger_invoices SET sync_token = sync_token + 1");
    }

    private Task<LedgerWriteResult> DeleteAsync(LedgerWriteResult written, JsonObject? response) =>
        _f.Ledger.DeleteInvoiceAsync(_f.Path, written.EntityId, written.SyncToken, response, "req-undo", _ct);
}
