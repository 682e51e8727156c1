using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Store.Documents;
using BackOffice.Store.Records;
using BackOffice.Agents.Books;
using BackOffice.Domain.Memory;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Documents;

/// <summary>Everything the Documents agent reads from the tenant database, loaded once per sweep; identity comes from <see cref="TenantBooks"/>.</summary>
internal sealed record DocumentsData(
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyDictionary<string, CommitmentTotal> CommitmentTotals,
    IReadOnlyList<SubInvoice> SubInvoices,
    IReadOnlyList<LedgerAccount> Accounts,
    IReadOnlyList<LedgerBillHeader> Bills,
    IReadOnlyList<LedgerBillMemo> BillMemos,
    IReadOnlyList<LedgerPurchaseOrder> PurchaseOrders,
    IReadOnlyDictionary<string, string> CostCodeAccounts,
    IdentityResolver Identity)
{
    /// <param name="memory">The tenant memory when the caller has one (a sweep); reports resolve without remembered links.</param>
    /// <param name="asOf">The date commitments are valued as of (change orders approved by then).</param>
    public static async Task<DocumentsData> LoadAsync(TenantData tenant, ITenantMemory? memory, DateOnly asOf, CancellationToken cancellationToken)
    {
        var project = tenant.Project;
        var ledger = tenant.Ledger;
        var documents = tenant.Documents;
        var books = await TenantBooks.LoadAsync(tenant, memory, cancellationToken);
        var commitments = await project.CommitmentsAsync(cancellationToken);
        // Issue 18: bills without their lines; duplicate checks and PO billings use the header only.
        return new DocumentsData(
            commitments, CommitmentTotal.Compute(commitments, await tenant.ProjectFinancials.CommitmentLinesAsync(cancellationToken),
                await tenant.ProjectFinancials.ChangeOrdersAsync(cancellationToken), asOf),
            await project.SubInvoicesAsync(cancellationToken), await ledger.AccountsAsync(cancellationToken),
            await ledger.BillHeadersAsync(cancellationToken), await documents.BillMemosAsync(cancellationToken),
            await tenant.LedgerFinancials.PurchaseOrdersAsync(cancellationToken), await ledger.CostCodeAccountsAsync(cancellationToken),
            books.Identity);
    }

    /// <summary>
    /// Issue 18: what a sweep with an empty inbox reads: the masters and the commitments, which the inbox-wide checks
    /// (insurance on file, expired certificates in use) use; no bill, memo, purchase order or commitment total, which
    /// only a document in the inbox is matched against.
    /// </summary>
    public static async Task<DocumentsData> LoadForEmptyInboxAsync(TenantData tenant, ITenantMemory? memory, CancellationToken cancellationToken)
    {
        var books = await TenantBooks.LoadAsync(tenant, memory, cancellationToken);
        return new DocumentsData(await tenant.Project.CommitmentsAsync(cancellationToken), new Dictionary<string, CommitmentTotal>(), [], [], [], [], [], new Dictionary<string, string>(), books.Identity);
    }

    public IReadOnlyList<ProjectJob> Jobs => Identity.Masters.Jobs;

    public IReadOnlyList<ProjectVendor> Vendors => Identity.Masters.Vendors;

    public IReadOnlyList<LedgerVendor> LedgerVendors => Identity.Masters.LedgerVendors;

    public IReadOnlyList<LedgerCustomer> LedgerCustomers => Identity.Masters.LedgerCustomers;

    /// <summary>Names a document may use for a vendor: the ledger's and the project system's spellings.</summary>
    public IReadOnlyList<string> KnownVendorNames =>
        LedgerVendors.Where(v => v.Active).Select(v => v.Name).Concat(Vendors.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The ledger vendor a name on a document refers to (issue 12: resolved by the shared <see cref="IdentityResolver"/>).</summary>
    public LedgerVendor? LedgerVendor(string? name) => Identity.LedgerVendorNamed(name);

    public ProjectVendor? ProjectVendor(string? name) => Identity.ProjectVendorNamed(name);

    /// <summary>The ledger job (customer) for a project job: a link, else a confident name match.</summary>
    public string? LedgerJobId(ProjectJob job) => Identity.Job(job).LedgerId;

    public ProjectJob? ProjectJobForLedger(string? ledgerCustomerId) => Identity.ProjectJobForLedger(ledgerCustomerId);
}
