using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Agents.Books;
using BackOffice.Domain.Memory;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial;

/// <summary>Everything the Financial agent's checks and reports read, loaded once per sweep; identity comes from <see cref="TenantBooks"/>.</summary>
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
    IdentityResolver Identity,
    FinancialBooks Books)
{
    /// <param name="memory">The tenant memory when the caller has one (a sweep); reports resolve without remembered links.</param>
    public static async Task<FinancialData> LoadAsync(TenantData tenant, ITenantMemory? memory, CancellationToken cancellationToken)
    {
        var books = await TenantBooks.LoadAsync(tenant, memory, cancellationToken);
        var masters = books.Masters;
        return new FinancialData(
            masters.Jobs.ToDictionary(j => j.Id), masters.Vendors.ToDictionary(v => v.Id),
            (await tenant.Project.CommitmentsAsync(cancellationToken)).ToDictionary(c => c.Id),
            await tenant.Project.SubInvoicesAsync(cancellationToken),
            masters.LedgerVendors.ToDictionary(v => v.Id), masters.LedgerCustomers.ToDictionary(c => c.Id),
            await tenant.Ledger.AccountsAsync(cancellationToken), await tenant.Ledger.BillsAsync(cancellationToken),
            await tenant.Ledger.CostCodeAccountsAsync(cancellationToken), books.Identity,
            await FinancialBooks.LoadAsync(tenant, cancellationToken));
    }

    public EntityMatch MatchVendor(ProjectVendor vendor) => Identity.Vendor(vendor);

    public EntityMatch MatchJob(ProjectJob job) => Identity.Job(job);

    /// <summary>Project job id -> ledger customer id, for the jobs that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> JobMap() => Identity.JobMap();

    /// <summary>Project vendor id -> ledger vendor id, for the vendors that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> VendorMap() => Identity.VendorMap();
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
