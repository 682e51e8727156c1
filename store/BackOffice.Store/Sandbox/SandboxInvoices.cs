using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Store.Ledger;
using Dapper;
using System.Data.Common;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// An owner invoice to write (issue 16): one line per <paramref name="Lines"/> (gross work billed), the retainage withheld
/// on it, and a total net of that retainage, as ledger_invoices holds invoices (and QuickBooks shows them).
/// </summary>
public sealed record InvoiceDraft(string CustomerId, string? DocNumber, DateOnly TxnDate, DateOnly DueDate, decimal Retainage, IReadOnlyList<InvoiceLineDraft> Lines);

public sealed record InvoiceLineDraft(string? Item, string? Description, decimal Amount)
{
    /// <summary>
    /// The item of a line that bills retainage released (issue 16): the ledger counts such a line as retainage collected
    /// (<see cref="Financial.LedgerFinancialStore.InvoicesAsync"/>), and QuickBooks gets it on the tenant's retainage item.
    /// </summary>
    public const string ReleaseItem = "Retainage release";

    public bool IsRelease => string.Equals(Item, ReleaseItem, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Invoice create and delete in the sandbox (issue 16): an active customer, whole cents, a total that is not negative.</summary>
internal static class SandboxInvoices
{
    public static async Task<LedgerWriteResult> CreateAsync(
        DbConnection connection, DbTransaction transaction, InvoiceDraft invoice, CancellationToken cancellationToken)
    {
        SandboxChecks.RequireLines(invoice.Lines);
        await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_customers", "Customer", invoice.CustomerId, cancellationToken);
        var cents = invoice.Lines.Select((l, i) => SandboxChecks.ToCents(l.Amount, i + 1)).ToArray();
        var retainage = SandboxChecks.ToCents(invoice.Retainage, 0);
        var total = cents.Sum() - retainage;
        SandboxChecks.RequireNonNegativeTotal(total);
        var id = await SandboxRequests.NextIdAsync(connection, transaction, "inv", cancellationToken);
        var rowHash = $"sandbox:{id}:0";
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash, origin, sync_token)
            VALUES (@id, @CustomerId, @DocNumber, @txnDate, @dueDate, @total, @retainage, @rowHash, 'sandbox', 0)
            """,
            new { id, invoice.CustomerId, invoice.DocNumber, txnDate = Day(invoice.TxnDate), dueDate = Day(invoice.DueDate), total, retainage, rowHash },
            transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ledger_invoice_lines (id, invoice_id, line_no, item, description, amount_cents, row_hash)
                VALUES (@lineId, @id, @lineNo, @Item, @Description, @amount, @rowHash)
                """,
                new { lineId = $"{id}-{i + 1}", id, lineNo = i + 1, invoice.Lines[i].Item, invoice.Lines[i].Description, amount = cents[i], rowHash },
                transaction, cancellationToken: cancellationToken));
        }

        // Issue 13: the invoice as stored, customer and lines included, so an undo can name what moved since.
        var response = new JsonObject { ["Invoice"] = await SandboxLedgerDocuments.InvoiceAsync(connection, transaction, id, cancellationToken) };
        return new LedgerWriteResult(id, 0, response);
    }

    /// <param name="written">The invoice as our create answered it, to name the fields that moved when the SyncToken did (issue 13).</param>
    public static async Task<LedgerWriteResult> DeleteAsync(
        DbConnection connection, DbTransaction transaction, string invoiceId, long syncToken, JsonObject? written, CancellationToken cancellationToken)
    {
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sync_token FROM ledger_invoices WHERE id = @invoiceId", new { invoiceId }, transaction, cancellationToken: cancellationToken));
        if (current is null)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.ObjectNotFound, $"Object Not Found: Invoice {invoiceId}.");
        }

        if (current.Value != syncToken)
        {
            // Issue 13: as QuickBooksInvoiceWriter refuses, naming each of our fields that differs, before -> after.
            var now = written is null ? null : await SandboxLedgerDocuments.InvoiceAsync(connection, transaction, invoiceId, cancellationToken);
            throw LedgerChanges.Refusal("Invoice", invoiceId, syncToken, current.Value, written, now is null ? null : SandboxLedgerDocuments.Kept(now, written!));
        }

        // Payments applied to the invoice keep it: QuickBooks refuses to delete an invoice with linked payments.
        var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM ledger_payment_lines WHERE invoice_id = @invoiceId", new { invoiceId }, transaction, cancellationToken: cancellationToken));
        if (applied > 0)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.BusinessValidation, $"Business Validation Error: Invoice {invoiceId} has payments applied.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ledger_invoice_lines WHERE invoice_id = @invoiceId; DELETE FROM ledger_invoices WHERE id = @invoiceId;",
            new { invoiceId }, transaction, cancellationToken: cancellationToken));
        var response = new JsonObject
        {
            ["Invoice"] = new JsonObject { ["Id"] = invoiceId, ["SyncToken"] = syncToken.ToString(CultureInfo.InvariantCulture), ["status"] = "Deleted" },
        };
        return new LedgerWriteResult(invoiceId, syncToken, response);
    }

    public static async Task<long?> SyncTokenAsync(DbConnection connection, string invoiceId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sync_token FROM ledger_invoices WHERE id = @invoiceId", new { invoiceId }, cancellationToken: cancellationToken));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dollars(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
