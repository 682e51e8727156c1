
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Documents;

/// <summary>A ledger bill's memo, which is where bills entered against a PO name it (docs/DATA-FORMAT.md).</summary>
public sealed record LedgerBillMemo(string BillId, string VendorId, string? Memo);

/// <summary>What the Documents agent reads beyond the shared stores (issue 6): bill memos, from the one reader of ledger_bills (issue 12).</summary>
public sealed class DocumentsStore(TenantData tenant)
{
    /// <summary>Bill memos, from the one reader of ledger_bills (issue 12).</summary>
    public Task<IReadOnlyList<LedgerBillMemo>> BillMemosAsync(CancellationToken cancellationToken) => tenant.Ledger.BillMemosAsync(cancellationToken);
}
