using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Financial;

public sealed partial class LedgerFinancialStore
{
    /// <summary>
    /// Issue 16: journal entries' credit balance (credits less debits) on one account by vendor and customer, entries dated
    /// on or before <paramref name="asOf"/>: what retainage payable true-ups hold per subcontractor and job. Lines without
    /// both a vendor and a customer belong to no subcontractor's job and are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Vendor, string Customer), decimal>> JournalCreditBalancesByVendorAndCustomerAsync(
        string accountId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<VendorCustomerBalanceRow>(new CommandDefinition(
            """
            SELECT l.vendor_id AS VendorId, l.customer_id AS CustomerId, CAST(SUM(CASE l.posting_type WHEN 'Credit' THEN l.amount_cents ELSE -l.amount_cents END) AS BIGINT) AS Cents
            FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id
            WHERE l.account_id = @accountId AND e.status = 'active' AND e.txn_date <= @asOf AND l.vendor_id IS NOT NULL AND l.customer_id IS NOT NULL
            GROUP BY l.vendor_id, l.customer_id
            """, new { accountId, asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.VendorId, r.CustomerId), r => Cents.ToDollars(r.Cents));
    }

    private sealed class VendorCustomerBalanceRow
    {
        public string VendorId { get; init; } = "";
        public string CustomerId { get; init; } = "";
        public long Cents { get; init; }
    }
}
