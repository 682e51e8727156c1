using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Sweeps;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// The embedded default ledger target. It lives in the tenant database and writes <c>ledger_*</c> rows with
/// origin 'sandbox', so agents see what was executed on their next sweep. It accepts what QuickBooks Online accepts
/// for what we draft: Bill and JournalEntry create and delete. No void: QuickBooks Online offers
/// <c>operation=void</c> on Invoice, Payment, SalesReceipt and BillPayment, but not on Bill or JournalEntry, whose
/// only exit is delete with the current SyncToken.
/// </summary>
public sealed class SandboxLedger(TimeProvider clock) : ILedgerWriter, IJournalWriter, IInvoiceWriter
{
    public Task<LedgerWriteResult> CreateBillAsync(
        TenantData tenant, BillDraft bill, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "create", "Bill", null,
            (c, t) => SandboxBills.CreateAsync(c, t, bill, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> DeleteBillAsync(
        TenantData tenant, string billId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "delete", "Bill", billId,
            (c, t) => SandboxBills.DeleteAsync(c, t, billId, syncToken, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> CreateJournalEntryAsync(
        TenantData tenant, JournalEntryDraft entry, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "create", "JournalEntry", null,
            (c, t) => SandboxJournalEntries.CreateAsync(c, t, entry, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> DeleteJournalEntryAsync(
        TenantData tenant, string entryId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "delete", "JournalEntry", entryId,
            (c, t) => SandboxJournalEntries.DeleteAsync(c, t, entryId, syncToken, cancellationToken), cancellationToken);

    /// <summary>Issue 16: the owner invoice for a pay application's current payment due (issue 13: QuickBooks' is QuickBooksInvoiceWriter).</summary>
    public Task<LedgerWriteResult> CreateInvoiceAsync(
        TenantData tenant, InvoiceDraft invoice, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "create", "Invoice", null,
            (c, t) => SandboxInvoices.CreateAsync(c, t, invoice, cancellationToken), cancellationToken);

    /// <summary>
    /// A moved SyncToken is refused as QuickBooksInvoiceWriter refuses it (issue 13): a <see cref="LedgerChangedException"/>
    /// naming each field of <paramref name="written"/> that differs now, before -> after.
    /// </summary>
    public Task<LedgerWriteResult> DeleteInvoiceAsync(
        TenantData tenant, string invoiceId, long syncToken, JsonObject? written, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "delete", "Invoice", invoiceId,
            (c, t) => SandboxInvoices.DeleteAsync(c, t, invoiceId, syncToken, written, cancellationToken), cancellationToken);

    /// <summary>The entry's current SyncToken, or null when it is not in the ledger (any more).</summary>
    public async Task<long?> JournalEntrySyncTokenAsync(TenantData tenant, string entryId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sync_token FROM ledger_journal_entries WHERE id = @entryId AND status = 'active'", new { entryId }, cancellationToken: cancellationToken));
    }

    /// <summary>The invoice's current SyncToken, or null when it is not in the ledger (any more).</summary>
    public async Task<long?> InvoiceSyncTokenAsync(TenantData tenant, string invoiceId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await SandboxInvoices.SyncTokenAsync(connection, invoiceId, cancellationToken);
    }

    public async Task<LedgerBillRef?> GetBillAsync(TenantData tenant, string billId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var bill = await SandboxBills.GetAsync(connection, null, billId, cancellationToken);
        // Issue 17: the bill as it is now, so an undo refused for a moved SyncToken names each changed field.
        return bill is null ? null : bill with { Entity = await SandboxLedgerDocuments.BillAsync(connection, null, billId, cancellationToken) };
    }

    /// <summary>Issue 17: the entry as it is now, in QuickBooks' shape, so a refused undo names each changed field.</summary>
    public async Task<JsonObject?> JournalEntryAsync(TenantData tenant, string entryId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        return await SandboxLedgerDocuments.JournalEntryAsync(connectionUnit.Connection, null, entryId, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerBillRef>> FindBillsAsync(
        TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await SandboxBills.FindAsync(connection, vendorId, docNumber, cancellationToken);
    }

    /// <summary>
    /// One transaction per request: look the request id up first, so a repeat returns the original response and
    /// writes nothing; otherwise write and record the response under the id, together, with the entities the write
    /// touched in the change journal (issue 18: the bill or entry, its vendor and its lines' jobs, before and after).
    /// </summary>
    private async Task<LedgerWriteResult> WriteAsync(
        TenantData tenant, string requestId, string operation, string entityType, string? existingId,
        Func<DbConnection, DbTransaction, Task<LedgerWriteResult>> write, CancellationToken cancellationToken)
    {
        SandboxRequests.Validate(requestId);
        await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = unit.Connection;
        var transaction = unit.Transaction!;
        var replay = await SandboxRequests.FindAsync(connection, transaction, requestId, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var before = existingId is null ? [] : await TouchedAsync(entityType, existingId, connection, transaction, cancellationToken);
        var result = await write(connection, transaction);
        var after = await TouchedAsync(entityType, result.EntityId, connection, transaction, cancellationToken);
        var now = clock.GetUtcNow();
        await SandboxRequests.RecordAsync(connection, transaction, requestId, operation, entityType, result, now, cancellationToken);
        await ChangeJournalStore.RecordAsync([.. before, .. after], $"sandbox:{operation}", now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            connection, transaction, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return result;
    }

    private static Task<IReadOnlyList<ChangedEntity>> TouchedAsync(
        string entityType, string id, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        entityType switch
        {
            "Bill" => ChangedEntities.StoredDocumentAsync("ledger_bills", "ledger_bill_lines", "bill_id", id, connection, transaction, cancellationToken),
            "Invoice" => ChangedEntities.StoredDocumentAsync("ledger_invoices", "ledger_invoice_lines", "invoice_id", id, connection, transaction, cancellationToken),
            _ => ChangedEntities.StoredDocumentAsync("ledger_journal_entries", "ledger_journal_lines", "journal_entry_id", id, connection, transaction, cancellationToken),
        };
}
