using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Domain.Workforce;
using BackOffice.Agents.Books;
using BackOffice.Domain.Memory;
using BackOffice.Store.Financial;
using BackOffice.Store.Tenancy;
using BackOffice.Kernel.Abstractions.Agents;
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
    FinancialBooks Books,
    IReadOnlyDictionary<string, BackOffice.Domain.Collections.PaymentTerm> CustomerTerms)
{
    /// <param name="memory">The tenant memory when the caller has one (a sweep); reports resolve without remembered links.</param>
    /// <param name="asOf">The date cost is totalled as of (issue 18: summed in SQL, so the analysis must use the same date).</param>
    /// <param name="times">Issue 18: where a sweep records how long each read took; null for reports.</param>
    /// <param name="costOf">Issue 18: the ledger jobs whose cost totals to read (a per-job sweep); null: every job.</param>
    /// <param name="billsOf">Issue 18: the ledger vendors whose bills to read (a per-vendor sweep); null: every vendor.</param>
    public static async Task<FinancialData> LoadAsync(
        TenantData tenant, ITenantMemory? memory, DateOnly asOf, StageTimes? times, IReadOnlyCollection<string>? costOf,
        IReadOnlyCollection<string>? billsOf, CancellationToken cancellationToken)
    {
        var books = await times.TimedAsync("masters", () => TenantBooks.LoadAsync(tenant, memory, cancellationToken));
        var masters = books.Masters;
        var contracts = await tenant.ProjectFinancials.ContractsAsync(cancellationToken);
        // Issue 18: every bill and every job: the bills, cost totals and cost exceptions from one read of the bill lines.
        var once = billsOf is null && costOf is null
            ? await times.TimedAsync("bills-and-cost", () => tenant.LedgerFinancials.BillsAndCostAsync(
                asOf, FinancialBooks.ClosedCustomers(contracts, books.Identity), cancellationToken))
            : null;
        // Issue 18: bill lines summed by account and job in SQL; the reconciliation asks nothing of a line's item.
        return new FinancialData(
            masters.Jobs.ToDictionary(j => j.Id), masters.Vendors.ToDictionary(v => v.Id),
            (await tenant.Project.CommitmentsAsync(cancellationToken)).ToDictionary(c => c.Id),
            await tenant.Project.SubInvoicesAsync(cancellationToken),
            masters.LedgerVendors.ToDictionary(v => v.Id), masters.LedgerCustomers.ToDictionary(c => c.Id),
            await tenant.Ledger.AccountsAsync(cancellationToken),
            once?.Bills ?? await times.TimedAsync("bills", () => tenant.Ledger.BillsOfVendorsAsync(billsOf, cancellationToken)),
            await tenant.Ledger.CostCodeAccountsAsync(cancellationToken), books.Identity,
            await FinancialBooks.LoadAsync(tenant, books.Identity, contracts, asOf, times, costOf, once, cancellationToken),
            // Issue 16: the owner invoices the agent proposes are due as the customer's term says.
            await tenant.Ledger.CustomerTermsAsync(cancellationToken));
    }

    public EntityMatch MatchVendor(ProjectVendor vendor) => Identity.Vendor(vendor);

    public EntityMatch MatchJob(ProjectJob job) => Identity.Job(job);

    /// <summary>Project job id -> ledger customer id, for the jobs that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> JobMap() => Identity.JobMap();

    /// <summary>Project vendor id -> ledger vendor id, for the vendors that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> VendorMap() => Identity.VendorMap();
}

/// <summary>
/// The project side's budgets, change orders and pay apps, and the ledger's receivables, POs and cost (issue 3). Cost
/// comes as totals by job, cost code and account as of the sweep's date, and one by one only for the postings that can
/// be a worklist item (issue 18: a sweep no longer holds every ledger line).
/// </summary>
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
    IReadOnlyList<CostTotal> CostTotals,
    IReadOnlySet<string> Reclassed,
    IReadOnlyList<JobLaborHours> LaborHours,
    IReadOnlyList<Employee> Employees,
    IReadOnlyList<Timecard>? Timecards = null,
    IReadOnlyList<DirectCostLine>? DirectCostLines = null,
    IReadOnlyList<TradeBurdenComponent>? BurdenProfiles = null)
{
    public static FinancialBooks Empty { get; } = new([], [], [], [], [], [], [], [], [], [], new HashSet<string>(), [], []);

    /// <param name="once">Issue 18: the cost totals and exceptions already folded from the bill lines (a full load); null: read them.</param>
    public static async Task<FinancialBooks> LoadAsync(
        TenantData path, IdentityResolver identity, IReadOnlyList<JobContract> contracts, DateOnly asOf, StageTimes? times,
        IReadOnlyCollection<string>? costOf, BillsAndCost? once, CancellationToken cancellationToken)
    {
        var project = path.ProjectFinancials;
        var ledger = path.LedgerFinancials;
        return new FinancialBooks(
            contracts, await project.BudgetLinesAsync(cancellationToken),
            await project.CommitmentLinesAsync(cancellationToken), await project.ChangeOrdersAsync(cancellationToken),
            await project.PayAppsAsync(cancellationToken), await ledger.InvoicesAsync(cancellationToken),
            await ledger.PaymentsAsync(cancellationToken), await ledger.PurchaseOrdersAsync(cancellationToken),
            once?.CostExceptions ?? await times.TimedAsync("cost-exceptions", () => ledger.CostExceptionsAsync(ClosedCustomers(contracts, identity), cancellationToken)),
            once?.CostTotals ?? await times.TimedAsync("cost-totals", () => ledger.CostTotalsAsync(asOf, costOf, cancellationToken)),
            await path.Reclasses.ReclassedLinesAsync(cancellationToken),
            // Issue 16: clocked hours by job and employee (summed in SQL) for labor burden per employee in WIP.
            await path.Workforce.JobHoursAsync(asOf, cancellationToken), await path.Workforce.EmployeesAsync(cancellationToken),
            // Issue 16: the timecards to date, whose workweeks give the overtime that labor burden prices.
            await times.TimedAsync("timecards", () => path.Workforce.TimecardsAsync(DateOnly.MinValue, asOf.AddDays(1), cancellationToken)),
            // Issue 14: approved direct costs from the project system, counted in job cost by FinancialOptions.DirectCosts.
            await project.DirectCostLinesAsync(asOf, cancellationToken),
            // Issue 16: each trade's burden profile, which labor burden per employee uses over the company default.
            await path.Workforce.BurdenProfilesAsync(cancellationToken));
    }

    /// <summary>The ledger jobs whose cost the closed-job check looks at one by one: closed jobs' twins and inactive customers.</summary>
    internal static List<string> ClosedCustomers(IReadOnlyList<JobContract> contracts, IdentityResolver identity)
    {
        var jobMap = identity.JobMap();
        return contracts.Where(c => c.Status == "closed" && jobMap.ContainsKey(c.JobId)).Select(c => jobMap[c.JobId])
            .Concat(identity.Masters.LedgerCustomers.Where(c => !c.Active).Select(c => c.Id)).Distinct(StringComparer.Ordinal).ToList();
    }
}
