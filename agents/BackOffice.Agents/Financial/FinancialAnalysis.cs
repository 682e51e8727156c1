using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Labor;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Financial;

/// <summary>A variance line with the job's name and where its figures came from.</summary>
internal sealed record JobVariance(string JobName, VarianceLine Line, string? BudgetLineId, bool Closed);

/// <summary>
/// A WIP row; <paramref name="Wip"/> and <paramref name="Margin"/> are null when the job has no ledger twin
/// (fail closed, DESIGN.md rule 7: no cost or billings to compute from) and <paramref name="Problem"/> says so.
/// </summary>
/// <param name="RawCostToDate">Issue 16: cost to date as posted, before labor burden and overhead (equal to the WIP's when no loading is configured).</param>
/// <param name="LaborBurden">Issue 16: the per-employee labor burden to date when `BurdenFromTimecards` is on.</param>
internal sealed record JobWip(
    JobContract Job, string? LedgerJobId, WipLine? Wip, MarginAtCompletion? Margin, IReadOnlyList<EacResult> Estimates, string? Problem,
    decimal? RawCostToDate = null, JobLaborBurden? LaborBurden = null);

/// <summary>Runs the issue 3 tools over one tenant's books as of a date; shared by the agent's checks and the reports.</summary>
internal sealed partial class FinancialAnalysis(FinancialData data, DateOnly asOf, FinancialOptions options)
{
    private readonly FinancialOptions _options = options;

    public const string Uncoded = "(uncoded)";

    private readonly IReadOnlyDictionary<string, string> _jobMap = data.JobMap();

    // Indexed once per analysis so a sweep grows with the books, not with jobs × postings (issue 3 benchmark); the totals
    // are already as of the date the data was loaded for (issue 18).
    private readonly ILookup<string?, CostTotal> _costByJob = data.Books.CostTotals.Concat(DirectCosts(data, options)).ToLookup(p => p.CustomerId);
    private readonly ILookup<string, BudgetLine> _budgetByJob = data.Books.BudgetLines.ToLookup(b => b.JobId);
    private readonly ILookup<string, ChangeOrder> _changesByJob = data.Books.ChangeOrders.ToLookup(c => c.JobId);
    private readonly ILookup<string, LedgerInvoice> _invoicesByJob = data.Books.Invoices.Where(i => i.TxnDate <= asOf).ToLookup(i => i.CustomerId);
    private IReadOnlyDictionary<(string Job, string CostCode), decimal>? _committed;
    private IReadOnlyDictionary<string, EmployeeBurdenRate>? _employeeRates;
    private IReadOnlyList<JobOvertimeHours>? _overtime;

    public FinancialData Data => data;

    public FinancialOptions Options => _options;

    public DateOnly AsOf => asOf;

    public IReadOnlyDictionary<string, string> JobMap => _jobMap;

    public ReconciliationInput ReconciliationInput() => new(
        asOf, data.Books.Contracts, data.Commitments.Values.ToList(), data.Books.CommitmentLines, data.Books.ChangeOrders, data.SubInvoices,
        data.Books.PayApps, data.Bills, data.Books.Invoices, data.Books.Payments, data.Books.PurchaseOrders, data.Books.Postings,
        data.LedgerCustomers.Values.ToList(), data.CostCodeAccounts, SubInvoiceBillTools.RetainagePayableAccount(data.Accounts), _jobMap, data.VendorMap())
    {
        Reclassed = data.Books.Reclassed,
    };

    /// <summary>
    /// Issue 14: the project system's direct cost lines that count in job cost under <see cref="FinancialOptions.DirectCosts"/>
    /// (<see cref="DirectCostRule"/>), as cost totals of the job's ledger twin; a job without a twin has no job cost to add to.
    /// </summary>
    private static IEnumerable<CostTotal> DirectCosts(FinancialData data, FinancialOptions options)
    {
        var lines = data.Books.DirectCostLines ?? [];
        if (lines.Count == 0)
        {
            return [];
        }

        var jobMap = data.JobMap();
        var bills = data.Bills.Select(b => new LedgerBillKey(data.LedgerVendors.TryGetValue(b.VendorId, out var v) ? v.Name : b.VendorId, b.DocNumber, b.Total)).ToList();
        return DirectCostRule.Countable(lines, bills, options.DirectCosts)
            .Where(l => jobMap.ContainsKey(l.JobId)).Select(l => new CostTotal(jobMap[l.JobId], l.CostCode, DirectCostAccount, l.Amount));
    }

    /// <summary>The account a direct cost's line stands under in job cost: none of the ledger's (it is the project system's).</summary>
    public const string DirectCostAccount = "(project direct cost)";

    /// <summary>Cost posted to a ledger job as of the date, by cost code (lines without one under <see cref="Uncoded"/>).</summary>
    public IReadOnlyDictionary<string, decimal> ActualByCostCode(string ledgerJobId) =>
        _costByJob[ledgerJobId]
            .GroupBy(p => p.CostCode ?? Uncoded).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount), StringComparer.Ordinal);

    /// <summary>Committed cost by job and cost code as of the date: the one definition in <see cref="CommittedCostTools"/> (issue 12).</summary>
    public IReadOnlyDictionary<(string Job, string CostCode), decimal> Committed() => _committed ??= CommittedCostTools.ByJobAndCostCode(
        CommittedCostTools.Committed([.. data.Commitments.Values], data.Books.CommitmentLines, data.Books.ChangeOrders, asOf));

    public IReadOnlyList<JobVariance> Variance(string? job, VarianceOptions options) =>
        Variance(job is null ? null : new HashSet<string>(StringComparer.Ordinal) { job }, options);

    /// <param name="jobs">The project jobs to compute (issue 18: a per-job sweep); null: every job.</param>
    public IReadOnlyList<JobVariance> Variance(IReadOnlySet<string>? jobs, VarianceOptions options)
    {
        var committed = Committed();
        var committedCodes = committed.Keys.ToLookup(k => k.Job, k => k.CostCode);
        var rows = new List<JobVariance>();
        foreach (var contract in data.Books.Contracts.Where(c => jobs is null || jobs.Contains(c.JobId)))
        {
            var actual = _jobMap.TryGetValue(contract.JobId, out var ledgerJob) ? ActualByCostCode(ledgerJob) : new Dictionary<string, decimal>();
            var budget = _budgetByJob[contract.JobId].ToList();
            var codes = budget.Select(b => b.CostCode).Concat(actual.Keys).Concat(committedCodes[contract.JobId])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                var lines = budget.Where(b => b.CostCode == code).ToList();
                var forecasts = lines.Where(b => b.PmEstimateAtCompletion is not null).ToList();
                var input = new VarianceInput(contract.JobId, code, lines.Sum(b => b.Original), lines.Sum(b => b.ApprovedChanges),
                    committed.GetValueOrDefault((contract.JobId, code)), actual.GetValueOrDefault(code),
                    forecasts.Count == 0 ? null : lines.Sum(b => b.PmEstimateAtCompletion ?? b.Revised));
                rows.Add(new JobVariance(contract.Name, VarianceTools.Compute(input, options), lines.FirstOrDefault()?.Id, contract.Status == "closed"));
            }
        }

        return rows;
    }

    public IReadOnlyList<JobWip> Wip(string? job) =>
        Wip(job is null ? null : new HashSet<string>(StringComparer.Ordinal) { job });

    /// <param name="jobs">The project jobs to compute (issue 18: a per-job sweep); null: every job.</param>
    /// <remarks>Issue 17: each job's row is computed once per analysis (and kept from the previous one, <see cref="Keep"/>).</remarks>
    public IReadOnlyList<JobWip> Wip(IReadOnlySet<string>? jobs) =>
        data.Books.Contracts.Where(c => c.Status != "closed" && (jobs is null || jobs.Contains(c.JobId))).Select(c => _wip.GetOrAdd(c.JobId, _ => WipOf(c))).ToList();

    private JobWip WipOf(JobContract job)
    {
        var changes = _changesByJob[job.JobId].ToList();
        var contract = job.OriginalContract + changes.Where(c => c.Kind == "prime" && c.Status == "approved" && c.ApprovedDate <= asOf).Sum(c => c.Amount);
        var budget = _budgetByJob[job.JobId].ToList();
        var pm = EstimateAtCompletion.PmForecast(budget.Select(b => (b.Revised, b.PmEstimateAtCompletion)).ToList());
        if (contract == 0m)
        {
            return new JobWip(job, null, null, null, [pm], "the job has no contract value in the project system");
        }

        if (!_jobMap.TryGetValue(job.JobId, out var ledgerJob))
        {
            return new JobWip(job, null, null, null, [pm], "no ledger job resolves to this job; link it first");
        }

        var actual = ActualByCostCode(ledgerJob);
        var costToDate = actual.Values.Sum();
        var billed = _invoicesByJob[ledgerJob].Sum(i => i.Gross);
        var committed = Committed();
        var etc = budget.Sum(b => Math.Max(0m, Math.Max(b.Revised, committed.GetValueOrDefault((job.JobId, b.CostCode))) - actual.GetValueOrDefault(b.CostCode)));
        var estimates = new List<EacResult> { pm, EstimateAtCompletion.ActualPlusEtc(costToDate, etc) };
        if (PhysicalPercent(job.JobId, contract) is { } physical
            && EstimateAtCompletion.BudgetOverCpi(budget.Sum(b => b.Revised), budget.Sum(b => b.Revised) * physical, costToDate) is { } cpi)
        {
            estimates.Add(cpi);
        }

        var (loadedCost, loadedEac, burden) = Loaded(job.JobId, budget, ledgerJob, costToDate, pm.EstimateAtCompletion);
        var wip = WipTools.Compute(new WipInput(job.JobId, contract, loadedEac, loadedCost, billed));
        var pendingRevenue = changes.Where(c => c.Kind == "prime" && c.Status == "pending").Sum(c => c.Amount);
        var pendingCost = changes.Where(c => c.Kind == "commitment" && c.Status == "pending").Sum(c => c.Amount);
        return new JobWip(job, ledgerJob, wip, WipTools.Margin(job.JobId, contract, wip.EstimatedTotalCost, pendingRevenue, pendingCost), estimates, null, costToDate, burden);
    }

    /// <summary>
    /// Issue 3: when configured, cost to date and the estimate at completion carry labor burden and overhead (basis in
    /// <see cref="CostLoadingTools"/>). Labor to date is the postings on labor cost codes or labor accounts; labor at
    /// completion is the PM's estimate (else the revised budget) of the labor cost codes.
    /// </summary>
    private (decimal CostToDate, decimal EstimateAtCompletion, JobLaborBurden? Burden) Loaded(
        string jobId, List<BudgetLine> budget, string ledgerJob, decimal costToDate, decimal eac)
    {
        if (!_options.LoadsCost)
        {
            return (costToDate, eac, null);
        }

        var laborCodes = _options.LaborCostCodes.ToHashSet(StringComparer.Ordinal);
        var laborAccounts = _options.LaborAccounts.ToHashSet(StringComparer.Ordinal);
        var laborToDate = _costByJob[ledgerJob].Where(p => (p.CostCode is not null && laborCodes.Contains(p.CostCode)) || laborAccounts.Contains(p.AccountId)).Sum(p => p.Amount);
        var laborAtCompletion = budget.Where(b => laborCodes.Contains(b.CostCode)).Sum(b => b.PmEstimateAtCompletion ?? b.Revised);
        if (_options.BurdenFromTimecards)
        {
            return LoadedPerEmployee(jobId, costToDate, eac, laborToDate, laborAtCompletion);
        }

        var toDate = CostLoadingTools.Load(costToDate, laborToDate, _options.LaborBurdenPercent, _options.OverheadPercent);
        var atCompletion = CostLoadingTools.Load(eac, Math.Max(laborAtCompletion, laborToDate), _options.LaborBurdenPercent, _options.OverheadPercent);
        return (toDate.Total, atCompletion.Total, null);
    }

    /// <summary>
    /// Issue 16: burden to date per employee from the clocked hours (<see cref="JobLaborBurdenTools"/>), the flat percent
    /// for the rest of the ledger's labor; labor still to come carries the job's burden so far as a share of its labor to
    /// date (the flat percent before any labor), rounded once to the cent. Overhead as in <see cref="CostLoadingTools"/>.
    /// </summary>
    private (decimal, decimal, JobLaborBurden?) LoadedPerEmployee(string jobId, decimal costToDate, decimal eac, decimal laborToDate, decimal laborAtCompletion)
    {
        var burden = JobLaborBurdenTools.ForJob(jobId, data.Books.LaborHours, EmployeeRates(), laborToDate, _options.LaborBurdenPercent,
            Overtime(), _options.EmployeeBurden.OvertimeMultiplier);
        var remaining = Math.Max(0m, laborAtCompletion - laborToDate);
        var remainingBurden = laborToDate == 0m
            ? MoneyMath.PercentOf(remaining, _options.LaborBurdenPercent)
            : MoneyMath.RoundToCent(remaining * burden.TotalBurden / laborToDate);
        var overheadToDate = CostLoadingTools.Load(costToDate, 0m, 0m, _options.OverheadPercent).Overhead;
        var overheadAtCompletion = CostLoadingTools.Load(eac, 0m, 0m, _options.OverheadPercent).Overhead;
        return (costToDate + burden.TotalBurden + overheadToDate, eac + burden.TotalBurden + remainingBurden + overheadAtCompletion, burden);
    }

    /// <summary>
    /// Employees with burden data: a base rate above zero; each one's burdened rate per hour worked in its own trade and in
    /// each trade its timecards carry (issue 16, <see cref="TradeBurdenRateTools"/>), once per analysis.
    /// </summary>
    private IReadOnlyDictionary<string, EmployeeBurdenRate> EmployeeRates() => _employeeRates ??= TradeBurdenRateTools.Rates(
        data.Books.Employees, data.Books.LaborHours,
        new TradeBurdenSettings(_options.EmployeeBurden.PaidHours, _options.EmployeeBurden.HoursWorked, CompanyBurden(), data.Books.BurdenProfiles ?? []));

    /// <summary>Issue 16: the company default burden components; a trade's profile overrides them (BurdenProfileTools).</summary>
    private BurdenComponent[] CompanyBurden() =>
        [.. _options.EmployeeBurden.Components.Select(c => new BurdenComponent(c.Name, c.Basis, c.Rate, c.WageBase, c.OnOvertimePremium))];

    /// <summary>Issue 16: each workweek's overtime to date on its jobs (OvertimeAllocationTools), once per analysis.</summary>
    private IReadOnlyList<JobOvertimeHours> Overtime() => _overtime ??= OvertimeAllocationTools.Allocate(
        data.Books.Timecards ?? [], data.Books.Employees.ToDictionary(e => e.Id, StringComparer.Ordinal), _options.WorkweekStart);

    /// <summary>Physical progress from the latest owner pay app as of the date: work completed to date over the contract.</summary>
    private decimal? PhysicalPercent(string jobId, decimal contract)
    {
        var latest = data.Books.PayApps.Where(p => p.JobId == jobId && p.PeriodEnd <= asOf).MaxBy(p => p.PeriodEnd);
        return latest is null || contract == 0m ? null : latest.WorkCompletedToDate / contract;
    }
}
