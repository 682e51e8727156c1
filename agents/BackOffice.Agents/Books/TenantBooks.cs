using BackOffice.Domain.Ledger;
using BackOffice.Domain.Memory;
using BackOffice.Domain.Project;
using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Books;

/// <summary>The records both sides name each other by: project jobs and vendors, ledger vendors and customers (issue 12).</summary>
public sealed record BooksMasters(
    IReadOnlyList<ProjectJob> Jobs, IReadOnlyList<ProjectVendor> Vendors, IReadOnlyList<LedgerVendor> LedgerVendors, IReadOnlyList<LedgerCustomer> LedgerCustomers);

/// <summary>
/// The shared read model of one tenant's books (issue 12): the master records of both systems and their
/// cross-system identity, resolved once in <see cref="IdentityResolver"/>. Financial, Documents and Collections
/// read identity only through it, so every agent gives the same answer to "which ledger vendor is this?", and a link
/// a finance lead confirmed (or the memory remembers) is seen by all of them, not only by Financial.
/// </summary>
public sealed class TenantBooks
{
    private TenantBooks(BooksMasters masters, IdentityResolver identity)
    {
        Masters = masters;
        Identity = identity;
    }

    public BooksMasters Masters { get; }

    public IdentityResolver Identity { get; }

    /// <param name="memory">The tenant's memory when reachable: its remembered links come after explicit and confirmed ones.</param>
    public static async Task<TenantBooks> LoadAsync(TenantData data, ITenantMemory? memory, CancellationToken cancellationToken)
    {
        var masters = new BooksMasters(
            await data.Project.JobsAsync(cancellationToken), await data.Project.VendorsAsync(cancellationToken),
            await data.Ledger.VendorsAsync(cancellationToken), await data.Ledger.CustomersAsync(cancellationToken));
        var explicitLinks = await data.Ledger.LinksAsync(cancellationToken);
        var confirmed = await data.ConfirmedLinks.AllAsync(cancellationToken);
        var remembered = memory is null
            ? new Dictionary<string, string>()
            : IdentityLinks.Remembered(await memory.ListAsync(MemoryKinds.Link, cancellationToken));
        var ledgerVendors = masters.LedgerVendors.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var ledgerCustomers = masters.LedgerCustomers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var vendorLinks = IdentityLinks.Merge("vendor", explicitLinks, confirmed, remembered, IdentityLinks.Named(masters.Vendors),
            id => ledgerVendors.TryGetValue(id, out var v) && v.Active);
        var jobLinks = IdentityLinks.Merge("job", explicitLinks, confirmed, remembered, IdentityLinks.Named(masters.Jobs),
            id => ledgerCustomers.TryGetValue(id, out var c) && c.Active && (c.ParentId is not null || c.IsProject));
        return new TenantBooks(masters, new IdentityResolver(masters, vendorLinks, jobLinks));
    }
}
