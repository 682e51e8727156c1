using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Store.Documents;
using BackOffice.Store.Records;
using BackOffice.Tools.Matching;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Documents;

/// <summary>Everything the Documents agent reads from the tenant database, loaded once per sweep.</summary>
internal sealed record DocumentsData(
    IReadOnlyList<ProjectJob> Jobs,
    IReadOnlyList<ProjectVendor> Vendors,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyDictionary<string, CommitmentTotal> CommitmentTotals,
    IReadOnlyList<SubInvoice> SubInvoices,
    IReadOnlyList<LedgerVendor> LedgerVendors,
    IReadOnlyList<LedgerCustomer> LedgerCustomers,
    IReadOnlyList<LedgerAccount> Accounts,
    IReadOnlyList<LedgerBill> Bills,
    IReadOnlyList<LedgerBillMemo> BillMemos,
    IReadOnlyList<LedgerPurchaseOrder> PurchaseOrders,
    IReadOnlyDictionary<string, string> CostCodeAccounts,
    IReadOnlyList<CrossSystemLink> Links)
{
    public static async Task<DocumentsData> LoadAsync(TenantData path, CancellationToken cancellationToken)
    {
        var project = path.Project;
        var ledger = path.Ledger;
        var documents = path.Documents;
        return new DocumentsData(
            await project.JobsAsync(cancellationToken), await project.VendorsAsync(cancellationToken),
            await project.CommitmentsAsync(cancellationToken), await documents.CommitmentTotalsAsync(cancellationToken),
            await project.SubInvoicesAsync(cancellationToken), await ledger.VendorsAsync(cancellationToken),
            await ledger.CustomersAsync(cancellationToken), await ledger.AccountsAsync(cancellationToken),
            await ledger.BillsAsync(cancellationToken), await documents.BillMemosAsync(cancellationToken),
            await documents.PurchaseOrdersAsync(cancellationToken), await ledger.CostCodeAccountsAsync(cancellationToken),
            await ledger.LinksAsync(cancellationToken));
    }

    /// <summary>Names a document may use for a vendor: the ledger's and the project system's spellings.</summary>
    public IReadOnlyList<string> KnownVendorNames =>
        LedgerVendors.Where(v => v.Active).Select(v => v.Name).Concat(Vendors.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The ledger vendor a name on a document refers to: a ledger name as is, a project name through links or matching.</summary>
    public LedgerVendor? LedgerVendor(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var direct = LedgerVendors.Where(v => v.Active && NameNormalizer.Normalize(v.Name) == NameNormalizer.Normalize(name)).ToList();
        if (direct.Count == 1)
        {
            return direct[0];
        }

        var project = ProjectVendor(name);
        var match = CrossSystemMatcher.Match(project?.Id ?? "", name,
            LedgerVendors.Where(v => v.Active).Select(v => new MatchCandidate(v.Id, [v.Name])).ToList(),
            Links.Where(l => l.Kind == "vendor").ToDictionary(l => l.ProjectId, l => l.LedgerId));
        return match.IsConfident ? LedgerVendors.Single(v => v.Id == match.LedgerId) : null;
    }

    public ProjectVendor? ProjectVendor(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var key = NameNormalizer.Normalize(name);
        var exact = Vendors.Where(v => NameNormalizer.Normalize(v.Name) == key).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var ledger = LedgerVendors.FirstOrDefault(v => NameNormalizer.Normalize(v.Name) == key);
        var linked = ledger is null ? null : Links.FirstOrDefault(l => l.Kind == "vendor" && l.LedgerId == ledger.Id);
        if (linked is not null)
        {
            return Vendors.FirstOrDefault(v => v.Id == linked.ProjectId);
        }

        var similar = Vendors.Where(v => NameNormalizer.Similarity(v.Name, name) >= CrossSystemMatcher.SimilarityThreshold).ToList();
        return similar.Count == 1 ? similar[0] : null;
    }

    /// <summary>The ledger job (customer) for a project job: the explicit link, else a unique name match.</summary>
    public string? LedgerJobId(ProjectJob job)
    {
        var match = CrossSystemMatcher.Match(job.Id, job.Name,
            LedgerCustomers.Where(c => c.ParentId is not null || c.IsProject)
                .Select(c => new MatchCandidate(c.Id, [c.Name, c.FullyQualifiedName.Replace(':', ' ')])).ToList(),
            Links.Where(l => l.Kind == "job").ToDictionary(l => l.ProjectId, l => l.LedgerId));
        return match.LedgerId;
    }

    public ProjectJob? ProjectJobForLedger(string? ledgerCustomerId)
    {
        var link = Links.FirstOrDefault(l => l.Kind == "job" && l.LedgerId == ledgerCustomerId);
        return link is not null
            ? Jobs.FirstOrDefault(j => j.Id == link.ProjectId)
            : Jobs.SingleOrDefault(j => ledgerCustomerId is not null && LedgerJobId(j) == ledgerCustomerId);
    }
}
