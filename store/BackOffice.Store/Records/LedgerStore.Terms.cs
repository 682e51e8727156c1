using BackOffice.Domain.Collections;
using Dapper;

namespace BackOffice.Store.Records;

public sealed partial class LedgerStore
{
    /// <summary>
    /// Issue 16: each customer's payment term, its own (QuickBooks SalesTermRef) or else its parent's (a job's customer),
    /// for the customers whose term is in the synced terms. Ledgers without terms (a bundle, the sandbox) answer none.
    /// </summary>
    public Task<IReadOnlyDictionary<string, PaymentTerm>> CustomerTermsAsync(CancellationToken cancellationToken) =>
        TermsAsync(PartyTermSql.Customers, cancellationToken);

    /// <summary>Issue 16: each vendor's payment term (QuickBooks Vendor TermRef), for the vendors whose term is synced.</summary>
    public Task<IReadOnlyDictionary<string, PaymentTerm>> VendorTermsAsync(CancellationToken cancellationToken) =>
        TermsAsync(PartyTermSql.Vendors, cancellationToken);

    private async Task<IReadOnlyDictionary<string, PaymentTerm>> TermsAsync(string parties, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await connectionUnit.Connection.QueryAsync<PartyTermRow>(new CommandDefinition(
            PartyTermSql.WithTerms(parties), cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.PartyId, r => r.ToTerm(), StringComparer.Ordinal);
    }

    private sealed class PartyTermRow : PaymentTermRow
    {
        public string PartyId { get; init; } = "";
    }
}
