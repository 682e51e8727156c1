using BackOffice.Domain.Financial;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>Issue 17: the keyed reads a report refreshed per key makes of what the change journal names.</summary>
public sealed partial class LedgerFinancialStore
{
    /// <summary>The payments of <see cref="PaymentsAsync"/> among <paramref name="ids"/>, same shape and order.</summary>
    public Task<IReadOnlyList<LedgerPayment>> PaymentsWithIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        PaymentsWhereAsync($"WHERE {StoreSql.InJson(tenant.Dialect, "id", "@Ids")}", ids, cancellationToken);

    /// <summary>The ledger jobs (customers) the lines of the named journal entries post to: a header's date or status moves their cost.</summary>
    public async Task<IReadOnlySet<string>> JournalEntryCustomersAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<string>(
            $"""
            SELECT DISTINCT customer_id FROM ledger_journal_lines
            WHERE customer_id IS NOT NULL AND {StoreSql.InJson(tenant.Dialect, "journal_entry_id", "@Ids")}
            """, new { Ids = System.Text.Json.JsonSerializer.Serialize(entryIds) }, cancellationToken);
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
