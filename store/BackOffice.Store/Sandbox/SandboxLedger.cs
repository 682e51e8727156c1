using System.Data.Common;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sqlite;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// The embedded default ledger target. It lives in the tenant database and writes <c>ledger_*</c> rows with
/// origin 'sandbox', so agents see what was executed on their next sweep. It accepts what QuickBooks Online accepts
/// for what we draft: Bill and JournalEntry create and delete. No void: QuickBooks Online offers
/// <c>operation=void</c> on Invoice, Payment, SalesReceipt and BillPayment, but not on Bill or JournalEntry, whose
/// only exit is delete with the current SyncToken.
/// </summary>
public sealed class SandboxLedger(TimeProvider clock) : ILedgerWriter
{
    public Task<LedgerWriteResult> CreateBillAsync(
        TenantData tenant, BillDraft bill, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "create", "Bill",
            (c, t) => SandboxBills.CreateAsync(c, t, bill, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> DeleteBillAsync(
        TenantData tenant, string billId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "delete", "Bill",
            (c, t) => SandboxBills.DeleteAsync(c, t, billId, syncToken, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> CreateJournalEntryAsync(
        TenantData tenant, JournalEntryDraft entry, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "create", "JournalEntry",
            (c, t) => SandboxJournalEntries.CreateAsync(c, t, entry, cancellationToken), cancellationToken);

    public Task<LedgerWriteResult> DeleteJournalEntryAsync(
        TenantData tenant, string entryId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(tenant, requestId, "delete", "JournalEntry",
            (c, t) => SandboxJournalEntries.DeleteAsync(c, t, entryId, syncToken, cancellationToken), cancellationToken);

    public async Task<LedgerBillRef?> GetBillAsync(TenantData tenant, string billId, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return await SandboxBills.GetAsync(connection, null, billId, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerBillRef>> FindBillsAsync(
        TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return await SandboxBills.FindAsync(connection, vendorId, docNumber, cancellationToken);
    }

    /// <summary>
    /// One transaction per request: look the request id up first, so a repeat returns the original response and
    /// writes nothing; otherwise write and record the response under the id, together.
    /// </summary>
    private async Task<LedgerWriteResult> WriteAsync(
        TenantData tenant, string requestId, string operation, string entityType,
        Func<DbConnection, DbTransaction, Task<LedgerWriteResult>> write, CancellationToken cancellationToken)
    {
        SandboxRequests.Validate(requestId);
        await using var connection = await tenant.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var replay = await SandboxRequests.FindAsync(connection, transaction, requestId, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var result = await write(connection, transaction);
        await SandboxRequests.RecordAsync(connection, transaction, requestId, operation, entityType, result, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
