using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Store.Records;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial;

/// <summary>Everything the Financial agent's checks read, loaded once per sweep.</summary>
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

    public EntityMatch MatchVendor(ProjectVendor vendor) =>
        CrossSystemMatcher.Match(vendor.Id, vendor.Name,
            LedgerVendors.Values.Where(v => v.Active).Select(v => new MatchCandidate(v.Id, [v.Name])).ToList(), VendorLinks);

    /// <summary>Jobs are QuickBooks sub-customers: match on the job's own name and on "Parent:Child".</summary>
    public EntityMatch MatchJob(ProjectJob job) =>
        CrossSystemMatcher.Match(job.Id, job.Name,
            LedgerCustomers.Values.Where(c => c.ParentId is not null || c.IsProject)
                .Select(c => new MatchCandidate(c.Id, [c.Name, c.FullyQualifiedName.Replace(':', ' ')])).ToList(),
            JobLinks);
}
