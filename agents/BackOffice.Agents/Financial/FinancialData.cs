using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Store.Financial;
using BackOffice.Store.Records;
using BackOffice.Tools.Matching;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Financial;

/// <summary>Everything the Financial agent's checks and reports read, loaded once per sweep.</summary>
internal sealed record FinancialData(
    IReadOnlyDictionary<string, ProjectJob> Jobs,
    IReadOnlyDictionary<string, ProjectVendor> Vendors,
    IReadOnlyDictionary<string, Commitment> Commitments,
    IReadOnlyList<SubInvoice> SubInvoices,
    IReadOnlyDictionary<string, LedgerVendor> LedgerVendors,
    IReadOnlyDictionary<string, LedgerCustomer> LedgerCustomers,
    IReadOnlyList<LedgerAccount> Accounts,
    IReadOnlyList<LedgerBill> Bills,
    IReadOnlyDictionary<string, string> CostCodeAccounts,
    IReadOnlyDictionary<string, string> VendorLinks,
    IReadOnlyDictionary<string, string> JobLinks)
{
    /// <summary>The money records issue 3 reconciles, analyses and reports on.</summary>
    public FinancialBooks Books { get; private init; } = FinancialBooks.Empty;

    public static async Task<FinancialData> LoadAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var data = await LoadAsync(tenant.Project, tenant.Ledger, cancellationToken);
        var confirmed = await tenant.ConfirmedLinks.AllAsync(cancellationToken);
        // `with` shares the (still empty) match caches of `data`, which is discarded here; matching starts after the merge.
        return data with
        {
            Books = await FinancialBooks.LoadAsync(tenant, cancellationToken),
            VendorLinks = Merge(data.VendorLinks, confirmed.Where(l => l.Kind == "vendor")),
            JobLinks = Merge(data.JobLinks, confirmed.Where(l => l.Kind == "job")),
        };
    }

    /// <summary>The tenant's own links file wins; a link confirmed through the gate fills in where it is silent (issue 3).</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> explicitLinks, IEnumerable<CrossSystemLink> confirmed)
    {
        var merged = new Dictionary<string, string>(explicitLinks, StringComparer.Ordinal);
        foreach (var link in confirmed)
        {
            merged.TryAdd(link.ProjectId, link.LedgerId);
        }

        return merged;
    }

    public static async Task<FinancialData> LoadAsync(ProjectStore project, LedgerStore ledger, CancellationToken cancellationToken)
    {
        var links = await ledger.LinksAsync(cancellationToken);
        return new FinancialData(
            (await project.JobsAsync(cancellationToken)).ToDictionary(j => j.Id),
            (await project.VendorsAsync(cancellationToken)).ToDictionary(v => v.Id),
            (await project.CommitmentsAsync(cancellationToken)).ToDictionary(c => c.Id),
            await project.SubInvoicesAsync(cancellationToken),
            (await ledger.VendorsAsync(cancellationToken)).ToDictionary(v => v.Id),
            (await ledger.CustomersAsync(cancellationToken)).ToDictionary(c => c.Id),
            await ledger.AccountsAsync(cancellationToken),
            await ledger.BillsAsync(cancellationToken),
            await ledger.CostCodeAccountsAsync(cancellationToken),
            links.Where(l => l.Kind == "vendor").ToDictionary(l => l.ProjectId, l => l.LedgerId),
            links.Where(l => l.Kind == "job").ToDictionary(l => l.ProjectId, l => l.LedgerId));
    }

    // Matches are memoized per sweep: several checks ask about the same vendor or job (issue 3 benchmark).
    private readonly Dictionary<string, EntityMatch> _vendorMatches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityMatch> _jobMatches = new(StringComparer.Ordinal);

    public EntityMatch MatchVendor(ProjectVendor vendor)
    {
        if (!_vendorMatches.TryGetValue(vendor.Id, out var match))
        {
            match = CrossSystemMatcher.Match(vendor.Id, vendor.Name,
                LedgerVendors.Values.Where(v => v.Active).Select(v => new MatchCandidate(v.Id, [v.Name])).ToList(), VendorLinks);
            _vendorMatches[vendor.Id] = match;
        }

        return match;
    }

    /// <summary>Jobs are QuickBooks sub-customers: match on the job's own name and on "Parent:Child".</summary>
    public EntityMatch MatchJob(ProjectJob job)
    {
        if (!_jobMatches.TryGetValue(job.Id, out var match))
        {
            match = CrossSystemMatcher.Match(job.Id, job.Name,
                LedgerCustomers.Values.Where(c => c.ParentId is not null || c.IsProject)
                    .Select(c => new MatchCandidate(c.Id, [c.Name, c.FullyQualifiedName.Replace(':', ' ')])).ToList(),
                JobLinks);
            _jobMatches[job.Id] = match;
        }

        return match;
    }

    /// <summary>Project job id -> ledger customer id, for the jobs that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> JobMap() =>
        Jobs.Values.Select(j => (j.Id, Match: MatchJob(j))).Where(m => m.Match.IsConfident)
            .ToDictionary(m => m.Id, m => m.Match.LedgerId!, StringComparer.Ordinal);

    /// <summary>Project vendor id -> ledger vendor id, for the vendors that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> VendorMap() =>
        Vendors.Values.Select(v => (v.Id, Match: MatchVendor(v))).Where(m => m.Match.IsConfident)
            .ToDictionary(m => m.Id, m => m.Match.LedgerId!, StringComparer.Ordinal);
}

/// <summary>The project side's budgets, change orders and pay apps, and the ledger's receivables, POs and cost (issue 3).</summary>
internal sealed record FinancialBooks(
    IReadOnlyList<JobContract> Contracts,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<CommitmentLine> CommitmentLines,
    IReadOnlyList<ChangeOrder> ChangeOrders,
    IReadOnlyList<PayApp> PayApps,
    IReadOnlyList<LedgerInvoice> Invoices,
    IReadOnlyList<LedgerPayment> Payments,
    IReadOnlyList<LedgerPurchaseOrder> PurchaseOrders,
    IReadOnlyList<CostPosting> Postings,
    IReadOnlySet<string> Reclassed)
{
    public static FinancialBooks Empty { get; } = new([], [], [], [], [], [], [], [], [], new HashSet<string>());

    public static async Task<FinancialBooks> LoadAsync(TenantData path, CancellationToken cancellationToken)
    {
        var project = path.ProjectFinancials;
        var ledger = path.LedgerFinancials;
        return new FinancialBooks(
            await project.ContractsAsync(cancellationToken), await project.BudgetLinesAsync(cancellationToken),
            await project.CommitmentLinesAsync(cancellationToken), await project.ChangeOrdersAsync(cancellationToken),
            await project.PayAppsAsync(cancellationToken), await ledger.InvoicesAsync(cancellationToken),
            await ledger.PaymentsAsync(cancellationToken), await ledger.PurchaseOrdersAsync(cancellationToken),
            await ledger.CostPostingsAsync(cancellationToken), await path.Reclasses.ReclassedLinesAsync(cancellationToken));
    }
}
