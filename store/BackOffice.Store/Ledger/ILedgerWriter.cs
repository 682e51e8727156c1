using System.Text.Json.Nodes;

using BackOffice.Store.Tenancy;
using BackOffice.Domain.Ledger;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Writes to the tenant's ledger. The sandbox ledger is the embedded default; a QuickBooks Online writer replaces it
/// without the gate's executors changing. Every write carries a request id (QuickBooks <c>requestid</c>, at most
/// 50 characters): a repeated id returns the original response and writes nothing (DESIGN.md rule 4).
/// </summary>
public interface ILedgerWriter
{
    Task<LedgerWriteResult> CreateBillAsync(TenantData tenant, BillDraft bill, string requestId, CancellationToken cancellationToken);

    /// <summary>Deletes a bill; <paramref name="syncToken"/> must be the current one (QuickBooks error 5010 otherwise).</summary>
    Task<LedgerWriteResult> DeleteBillAsync(
        TenantData tenant, string billId, long syncToken, string requestId, CancellationToken cancellationToken);

    Task<LedgerBillRef?> GetBillAsync(TenantData tenant, string billId, CancellationToken cancellationToken);

    /// <summary>Bills of a vendor with a document number: the natural key used to recover when a request id has expired.</summary>
    Task<IReadOnlyList<LedgerBillRef>> FindBillsAsync(
        TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken);
}

public sealed record BillDraft(
    string VendorId, DateOnly TxnDate, DateOnly? DueDate, string? DocNumber, string? Memo, IReadOnlyList<BillLineDraft> Lines);

public enum PostingType
{
    Debit,
    Credit,
}

/// <param name="VendorId">Issue 16: the subcontractor of a retainage payable line (an A/P line's entity in QuickBooks).</param>
public sealed record JournalLineDraft(string AccountId, PostingType PostingType, decimal Amount, string? CustomerId, string? Description, string? VendorId = null);

public sealed record JournalEntryDraft(DateOnly TxnDate, string? DocNumber, string? Memo, IReadOnlyList<JournalLineDraft> Lines);

/// <param name="Response">What the ledger answered, in QuickBooks' shape (e.g. <c>{"Bill":{...}}</c>).</param>
public sealed record LedgerWriteResult(string EntityId, long SyncToken, JsonObject Response);

/// <param name="Entity">Issue 13: the bill as the ledger holds it now, in QuickBooks' shape, where the ledger gives it (undo names what changed).</param>
public sealed record LedgerBillRef(string Id, long SyncToken, string Status, JsonObject? Entity = null);

/// <summary>
/// The record we wrote was changed in the ledger since (its SyncToken moved): undo refuses rather than delete someone
/// else's edit (issue 13).
/// </summary>
public sealed class LedgerChangedException(string message, IReadOnlyList<string>? changedFields = null) : Exception(message)
{
    /// <summary>The fields we wrote that differ now ("TotalAmt 9000.00 -> 9500.00"), for the message and the audit entry.</summary>
    public IReadOnlyList<string> ChangedFields { get; } = changedFields ?? [];
}
