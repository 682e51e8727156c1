using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Documents;

public sealed record LedgerPurchaseOrder(string Id, string VendorId, string? CustomerId, string? DocNumber, decimal Total, string Status);

/// <summary>A ledger bill's memo, which is where bills entered against a PO name it (docs/DATA-FORMAT.md).</summary>
public sealed record LedgerBillMemo(string BillId, string VendorId, string? Memo);

public sealed record CommitmentTotal(string CommitmentId, decimal Amount, IReadOnlyList<string> CostCodes);

/// <summary>What the Documents agent reads beyond the shared stores (issue 6): purchase orders, bill memos, commitment totals.</summary>
public sealed class DocumentsStore(TenantData tenant)
{
    public async Task<IReadOnlyList<LedgerPurchaseOrder>> PurchaseOrdersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PurchaseOrderRow>(new CommandDefinition(
            """
            SELECT id AS Id, vendor_id AS VendorId, customer_id AS CustomerId, doc_number AS DocNumber, total_cents AS TotalCents, status AS Status
            FROM ledger_purchase_orders ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerPurchaseOrder(r.Id, r.VendorId, r.CustomerId, r.DocNumber, Cents.ToDollars(r.TotalCents), r.Status)).ToList();
    }

    public async Task<IReadOnlyList<LedgerBillMemo>> BillMemosAsync(CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemoRow>(new CommandDefinition(
            "SELECT id AS BillId, vendor_id AS VendorId, memo AS Memo FROM ledger_bills WHERE status = 'active' ORDER BY id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBillMemo(r.BillId, r.VendorId, r.Memo)).ToList();
    }

    /// <summary>Each commitment's amount: its lines plus its approved commitment change orders.</summary>
    public async Task<IReadOnlyDictionary<string, CommitmentTotal>> CommitmentTotalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        var lines = await connection.QueryAsync<CommitmentLineRow>(new CommandDefinition(
            "SELECT commitment_id AS CommitmentId, cost_code AS CostCode, amount_cents AS AmountCents FROM project_commitment_lines ORDER BY id",
            cancellationToken: cancellationToken));
        var changes = (await connection.QueryAsync<CommitmentLineRow>(new CommandDefinition(
            """
            SELECT commitment_id AS CommitmentId, COALESCE(cost_code, '') AS CostCode, amount_cents AS AmountCents
            FROM project_change_orders WHERE kind = 'commitment' AND status = 'approved' AND commitment_id IS NOT NULL
            """, cancellationToken: cancellationToken))).ToLookup(c => c.CommitmentId);
        return lines.GroupBy(l => l.CommitmentId).ToDictionary(
            g => g.Key,
            g => new CommitmentTotal(g.Key, Cents.ToDollars(g.Sum(l => l.AmountCents) + changes[g.Key].Sum(c => c.AmountCents)),
                g.Select(l => l.CostCode).Distinct(StringComparer.Ordinal).ToList()),
            StringComparer.Ordinal);
    }

    private sealed class PurchaseOrderRow
    {
        public string Id { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string? CustomerId { get; init; }
        public string? DocNumber { get; init; }
        public long TotalCents { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class MemoRow
    {
        public string BillId { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string? Memo { get; init; }
    }

    private sealed class CommitmentLineRow
    {
        public string CommitmentId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public long AmountCents { get; init; }
    }
}
