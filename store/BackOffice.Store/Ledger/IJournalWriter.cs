using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Writes journal entries to the tenant's ledger (issue 13): the sandbox ledger by default, QuickBooks Online when the
/// tenant's target is quickbooks. Like <see cref="ILedgerWriter"/>, every write carries a request id (QuickBooks
/// <c>requestid</c>, at most 50 characters) that makes a retry answer with the original write.
/// </summary>
public interface IJournalWriter
{
    Task<LedgerWriteResult> CreateJournalEntryAsync(TenantData tenant, JournalEntryDraft entry, string requestId, CancellationToken cancellationToken);

    /// <summary>Deletes an entry; <paramref name="syncToken"/> must be the current one (QuickBooks error 5010 otherwise).</summary>
    Task<LedgerWriteResult> DeleteJournalEntryAsync(
        TenantData tenant, string entryId, long syncToken, string requestId, CancellationToken cancellationToken);

    /// <summary>The entry's current SyncToken as the ledger holds it, or null when it is not there (any more).</summary>
    Task<long?> JournalEntrySyncTokenAsync(TenantData tenant, string entryId, CancellationToken cancellationToken);

    /// <summary>Issue 13: the entry as the ledger holds it now, in QuickBooks' shape, where the ledger gives it (else null).</summary>
    Task<JsonObject?> JournalEntryAsync(TenantData tenant, string entryId, CancellationToken cancellationToken) => Task.FromResult<JsonObject?>(null);
}

/// <summary>
/// The <see cref="IJournalWriter"/> the executors get: a create goes to the tenant's target; an entry the sandbox wrote
/// ("sbx-...") stays with the sandbox for reads and undo after the tenant switched to QuickBooks.
/// </summary>
public sealed class TargetedJournalWriter(IJournalWriter sandbox, IJournalWriter quickBooks) : IJournalWriter
{
    public async Task<LedgerWriteResult> CreateJournalEntryAsync(TenantData tenant, JournalEntryDraft entry, string requestId, CancellationToken cancellationToken) =>
        await (await ForTenantAsync(tenant, cancellationToken)).CreateJournalEntryAsync(tenant, entry, requestId, cancellationToken);

    public Task<LedgerWriteResult> DeleteJournalEntryAsync(TenantData tenant, string entryId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        For(entryId).DeleteJournalEntryAsync(tenant, entryId, syncToken, requestId, cancellationToken);

    public Task<long?> JournalEntrySyncTokenAsync(TenantData tenant, string entryId, CancellationToken cancellationToken) =>
        For(entryId).JournalEntrySyncTokenAsync(tenant, entryId, cancellationToken);

    public Task<JsonObject?> JournalEntryAsync(TenantData tenant, string entryId, CancellationToken cancellationToken) =>
        For(entryId).JournalEntryAsync(tenant, entryId, cancellationToken);

    private async Task<IJournalWriter> ForTenantAsync(TenantData tenant, CancellationToken cancellationToken) =>
        await LedgerTargets.IsQuickBooksAsync(tenant, cancellationToken) ? quickBooks : sandbox;

    private IJournalWriter For(string entryId) => entryId.StartsWith("sbx-", StringComparison.Ordinal) ? sandbox : quickBooks;
}
