using BackOffice.Agents.Books;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Store.Ledger;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Reconciles the project side to the books. Issue 2 gave it its first check (approved subcontractor invoices with
/// no bill); issue 3 adds cross-system link proposals, the reconciliation worklist, budget variance and loss jobs.
/// </summary>
/// <param name="options">The agent's settings.</param>
/// <param name="classJobs">Issue 16: the job a ledger class stands for (QuickBooks ClassByJob read in reverse), for synced
/// journal lines that name their subcontractor but carry their job only as a class; none when no connector maps classes.</param>
public sealed class FinancialAgent(FinancialOptions options, ILedgerClassJobs? classJobs = null) : IAgent
{
    public string Name => "financial";

    public string Department => "finance";

    /// <summary>
    /// Issue 18: bill lines are read summed by bill, account and job (<c>BillsByAccountAndJobAsync</c>), as cost totals and
    /// cost exceptions (id, bill, account, job, item, amount, line order): never their description or billable flag.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ColumnsNotRead { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal) { ["ledger_bill_lines"] = AgentTables.Of("description", "billable") };

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        // Issue 13: books that stopped syncing (QuickBooks refused the refresh token) fail closed with one finding for the admin.
        if (await LedgerConnectionCheck.RunAsync(context.Data, Name, cancellationToken) is { } reconnect)
        {
            return reconnect.ToSweepResult();
        }

        // Issue 4: links people confirmed for a record of the same name, where no explicit mapping speaks (resolved in TenantBooks, issue 12).
        // Issue 18: each stage is timed and reported, so a sweep shows which check dominates.
        var times = new StageTimes(Name);
        // Issue 18: at a later as-of date than the stored findings, only the jobs with rows dated in between (DateScope).
        var dated = DateScope.Of(context);
        var (data, jobs, vendors, payAppJobs) = await times.TimeAsync("load", () =>
            dated is null ? LoadAsync(context, times, cancellationToken) : LoadDatedAsync(dated, context, times, cancellationToken));

        context.Progress.Report($"financial: {data.SubInvoices.Count} sub invoices, {data.Bills.Count} ledger bills, {data.Books.CostTotals.Count} cost totals by job, code and account");
        // Issue 4: GL choices a finance lead made on earlier bills (vendor + cost code), learned from executed edits.
        var learned = context.Memory is null ? [] : await context.Memory.ListAsync(BackOffice.Domain.Memory.MemoryKinds.GlChoice, cancellationToken);
        var analysis = new FinancialAnalysis(data, context.AsOf, options);
        var noted = await context.Data.FinancialNotes.KeysAsync(cancellationToken);
        // Issue 12: each check returns what it found; the sweep is their concatenation in this order.
        var result = CheckResult.Combine(
            times.Time("sub-invoice-without-bill", () => SubInvoiceWithoutBillCheck.Run(data, learned, vendors)),
            times.Time("links", () => LinkCheck.Run(data)),
            times.Time("reconciliation", () => ReconciliationCheck.Run(analysis, Tolerance.Default, noted, vendors)),
            times.Time("variance", () => AnalysisChecks.Variance(analysis, VarianceOptions.Default, jobs)),
            times.Time("loss-jobs", () => AnalysisChecks.LossJobs(analysis, jobs)),
            times.Time("cost-code-mapping", () => AnalysisChecks.CostCodeMapping(analysis)),
            // Issue 16: retainage receivable held in the ledger as the pay applications hold it.
            await times.TimeAsync("retainage", () => RetainageEntryCheck.RunAsync(analysis, context.Data, cancellationToken)),
            // Issue 16: retainage payable against each subcontract's terms (flat or tiered), and its true-up. Issue 18: on the
            // per-vendor path a vendor outside the scope has no bills read, so no true-up is drafted for it: its bills and
            // journal lines did not change, and the sweep that stored its findings submitted its true-up.
            await times.TimeAsync("payable-retainage", () => PayableRetainageCheck.RunAsync(analysis, context.Data, options, classJobs, cancellationToken)),
            // Issue 16: each imported pay application tied out against its own G703. Issue 18: on the per-key path only the
            // jobs whose pay applications or G703 lines changed.
            await times.TimeAsync(PayAppTieOutCheck.Check, () => PayAppTieOutCheck.RunAsync(analysis, context.Data, payAppJobs, cancellationToken))).ToSweepResult();
        context.Progress.Report(times.ToString());
        if (dated is not null)
        {
            return await dated.FinishAsync(result, data, context, cancellationToken);
        }

        if (jobs is null || vendors is null)
        {
            return result;
        }

        var stored = await StoredFindings.OpenAsync(context.Data, Name, cancellationToken);
        var keptJobs = JobScope.Kept(stored, jobs);
        var keptVendors = await vendors.KeptAsync(stored, data, context.Data, cancellationToken);
        // Null: a changed pay application no longer says its job, and every job's pay applications were tied out.
        var keptTieOuts = payAppJobs is null ? [] : JobScope.KeptTieOuts(stored, payAppJobs);
        context.Progress.Report($"financial: variance and loss jobs recomputed for {jobs.Count} jobs whose cost lines changed; {keptJobs.Count} findings of other jobs kept");
        context.Progress.Report($"financial: bills reconciled for {vendors.Vendors.Count} vendors whose bills or lines changed; {keptVendors.Count} findings of other vendors kept");
        context.Progress.Report(payAppJobs is null ? "financial: pay applications tied out for every job"
            : $"financial: pay applications tied out for {payAppJobs.Count} jobs whose pay applications changed; {keptTieOuts.Count} tie-out findings of other jobs kept");
        return result with
        {
            Kept = [.. keptJobs, .. keptVendors, .. keptTieOuts], PerKey = true,
            PerKeyChecks = payAppJobs is null ? [.. PerKeyChecks.Where(c => c != PayAppTieOutCheck.Check)] : PerKeyChecks,
        };
    }

    /// <summary>
    /// Issue 18: the checks the per-key path recomputes for the changed jobs (variance, loss jobs; issue 16: the pay-app
    /// tie-out for the jobs whose pay applications changed) and vendors (the rest).
    /// </summary>
    private static readonly IReadOnlyList<string> PerKeyChecks = ["variance", "loss-jobs", ReconciliationCheck.Check, SubInvoiceWithoutBillCheck.Check, PayAppTieOutCheck.Check];

    /// <summary>
    /// Issue 18: the date path's load. Issue 16: it ties out every job's pay applications (null), since a pay application
    /// whose period ends between the two dates enters the tie-out by date alone; DateScope keeps only variance and loss jobs.
    /// </summary>
    private async Task<(FinancialData Data, IReadOnlySet<string>? Jobs, VendorScope? Vendors, IReadOnlySet<string>? PayAppJobs)> LoadDatedAsync(
        DateScope dated, SweepContext context, StageTimes times, CancellationToken cancellationToken)
    {
        var (data, jobs, vendors) = await dated.LoadAsync(context, this, options, times, cancellationToken);
        return (data, jobs, vendors, null);
    }

    /// <summary>
    /// Issue 18: when only bill and journal lines changed since the last sweep, only their jobs' cost totals and their
    /// vendors' bills are read, and those jobs and vendors are returned (recompute them); null: every job and vendor.
    /// Issue 16: and the jobs whose pay applications to tie out again (none when only cost lines changed).
    /// </summary>
    private static async Task<(FinancialData Data, IReadOnlySet<string>? Jobs, VendorScope? Vendors, IReadOnlySet<string>? PayAppJobs)> LoadAsync(
        SweepContext context, StageTimes times, CancellationToken cancellationToken)
    {
        var scope = JobScope.From(context.Changes);
        var vendors = scope is null ? null : await VendorScope.ResolveAsync(scope, context.Data, cancellationToken);
        var data = await FinancialData.LoadAsync(context.Data, context.Memory, context.AsOf, times, scope?.Customers, vendors?.Vendors, cancellationToken);
        var jobs = scope?.Jobs(data);
        if (scope is not null && (jobs is null || data.Books.DirectCostLines is { Count: > 0 }))
        {
            // Direct costs count by matching bills of any job and vendor (issue 14), and an id with a colon makes keys
            // ambiguous: every job and every vendor, then.
            var costTotals = await context.Data.LedgerFinancials.CostTotalsAsync(context.AsOf, cancellationToken);
            var bills = await context.Data.Ledger.BillsByAccountAndJobAsync(cancellationToken);
            return (data with { Bills = bills, Books = data.Books with { CostTotals = costTotals } }, null, null, null);
        }

        return (data, jobs, vendors, scope?.PayAppJobs(data));
    }
}
