using BackOffice.Domain.Collections;
using Dapper;

namespace BackOffice.Store.Records;

public sealed partial class LedgerStore
{
    /// <summary>
    /// Issue 16: each customer's payment term, its own (QuickBooks SalesTermRef) or else its parent's (a job's customer),
    /// for the customers whose term is in the synced terms. Ledgers without terms (a bundle, the sandbox) answer none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PaymentTerm>> CustomerTermsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await connectionUnit.Connection.QueryAsync<CustomerTermRow>(new CommandDefinition(
            $"""
            SELECT c.id AS CustomerId, {PaymentTermRow.Columns}
            FROM ledger_customers c LEFT JOIN ledger_customers p ON p.id = c.parent_id
            JOIN ledger_terms t ON t.id = COALESCE(c.sales_term_id, p.sales_term_id)
            ORDER BY c.id
            """, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.CustomerId, r => r.ToTerm(), StringComparer.Ordinal);
    }

    private sealed class CustomerTermRow : PaymentTermRow
    {
        public string CustomerId { get; init; } = "";
    }
}
