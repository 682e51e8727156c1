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
        var (data, jobs) = await times.TimeAsync("load", () => LoadAsync(context, times, cancellationToken));

        context.Progress.Report($"financial: {data.SubInvoices.Count} sub invoices, {data.Bills.Count} ledger bills, {data.Books.CostTotals.Count} cost totals by job, code and account");
        // Issue 4: GL choices a finance lead made on earlier bills (vendor + cost code), learned from executed edits.
        var learned = context.Memory is null ? [] : await context.Memory.ListAsync(BackOffice.Domain.Memory.MemoryKinds.GlChoice, cancellationToken);
        var analysis = new FinancialAnalysis(data, context.AsOf, options);
        var noted = await context.Data.FinancialNotes.KeysAsync(cancellationToken);
        // Issue 12: each check returns what it found; the sweep is their concatenation in this order.
        var result = CheckResult.Combine(
            times.Time("sub-invoice-without-bill", () => SubInvoiceWithoutBillCheck.Run(data, learned)),
            times.Time("links", () => LinkCheck.Run(data)),
            times.Time("reconciliation", () => ReconciliationCheck.Run(analysis, Tolerance.Default, noted)),
            times.Time("variance", () => AnalysisChecks.Variance(analysis, VarianceOptions.Default, jobs)),
            times.Time("loss-jobs", () => AnalysisChecks.LossJobs(analysis, jobs)),
            times.Time("cost-code-mapping", () => AnalysisChecks.CostCodeMapping(analysis)),
            // Issue 16: retainage receivable held in the ledger as the pay applications hold it.
            await times.TimeAsync("retainage", () => RetainageEntryCheck.RunAsync(analysis, context.Data, cancellationToken)),
            // Issue 16: retainage payable against each subcontract's terms (flat or tiered), and its true-up.
            await times.TimeAsync("payable-retainage", () => PayableRetainageCheck.RunAsync(analysis, context.Data, options, classJobs, cancellationToken))).ToSweepResult();
        context.Progress.Report(times.ToString());
        if (jobs is null)
        {
            return result;
        }

        var kept = JobScope.Kept(await StoredFindings.OpenAsync(context.Data, Name, cancellationToken), jobs);
        context.Progress.Report($"financial: variance and loss jobs recomputed for {jobs.Count} jobs whose cost lines changed; {kept.Count} findings of other jobs kept");
        return result with { Kept = kept, PerKey = true };
    }

    /// <summary>
    /// Issue 18: when only bill and journal lines changed since the last sweep, only their jobs' cost totals are read and
    /// those jobs are returned (recompute them); null jobs: every job, with every cost total.
    /// </summary>
    private static async Task<(FinancialData Data, IReadOnlySet<string>? Jobs)> LoadAsync(SweepContext context, StageTimes times, CancellationToken cancellationToken)
    {
        var scope = JobScope.From(context.Changes);
        var data = await FinancialData.LoadAsync(context.Data, context.Memory, context.AsOf, times, scope?.Customers, cancellationToken);
        var jobs = scope?.Jobs(data);
        if (scope is not null && (jobs is null || data.Books.DirectCostLines is { Count: > 0 }))
        {
            // Direct costs count by matching bills of any job (issue 14), and an id with a colon makes keys ambiguous: every job, then.
            return (data with { Books = data.Books with { CostTotals = await context.Data.LedgerFinancials.CostTotalsAsync(context.AsOf, cancellationToken) } }, null);
        }

        return (data, jobs);
    }
}
