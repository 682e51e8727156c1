using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Documents;

/// <summary>A ledger bill's memo, which is where bills entered against a PO name it (docs/DATA-FORMAT.md).</summary>
public sealed record LedgerBillMemo(string BillId, string VendorId, string? Memo);

public sealed record CommitmentTotal(string CommitmentId, decimal Amount, IReadOnlyList<string> CostCodes);

/// <summary>What the Documents agent reads beyond the shared stores (issue 6): purchase orders, bill memos, commitment totals.</summary>
public sealed class DocumentsStore(TenantData tenant)
{
    /// <summary>Bill memos, from the one reader of ledger_bills (issue 12).</summary>
    public Task<IReadOnlyList<LedgerBillMemo>> BillMemosAsync(CancellationToken cancellationToken) => tenant.Ledger.BillMemosAsync(cancellationToken);

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

    private sealed class CommitmentLineRow
    {
        public string CommitmentId { get; init; } = "";
        public string CostCode { get; init; } = "";
        public long AmountCents { get; init; }
    }
}
