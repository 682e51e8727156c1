using System.Globalization;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 18: the Financial sweep at a later as-of date than its stored findings (<see cref="SweepContext.Moved"/>).
/// Budget variance and loss jobs are figures of one job each, and every input of a job's figures that depends on the date
/// is a row dated on or before it:
/// <list type="bullet">
/// <item>actual cost: active bills' and journal entries' lines dated on or before the date (the cost totals);</item>
/// <item>billed to date (WIP): the job's ledger invoices dated on or before it;</item>
/// <item>contract value (WIP): prime change orders approved on or before it;</item>
/// <item>committed cost (variance and WIP): binding commitments' lines, which carry no date, plus commitment change orders
/// approved on or before it, each on its own job (<c>CommittedCostTools</c>);</item>
/// <item>physical progress (WIP's CPI estimate): the job's latest pay application with a period end on or before it;</item>
/// <item>labor burden from timecards, when configured: hours clocked in on or before it; an employee's burdened rates and
/// each workweek's overtime are shared across that employee's jobs, so any timecard clocked in between recomputes every job;</item>
/// <item>approved direct costs count by matching bills of any job and vendor (issue 14): with any, every job recomputes.</item>
/// </list>
/// Budgets, commitments' lines, names and the identity map carry no date. No figure of these two checks is computed from
/// the date itself (no age, no days since), so moving from D0 to a later D1 can change a job only if a row of it is dated
/// in (D0, D1] or the journal since the stored findings names it. Those jobs are recomputed; every other job's stored
/// findings are kept, as <see cref="JobScope"/> keeps them on the same date. Every other check reads receivables,
/// retainage, bills and links company-wide or by vendor, some as of the date itself, and recomputes fully as before.
/// </summary>
internal sealed class DateScope
{
    /// <summary>
    /// Tables whose rows reach the two per-job checks only through the job they name (job_id or customer_id, journaled before
    /// and after a change). A journaled write to any other table Financial reads (a bill or journal entry header, whose
    /// date moves every line, a job, a commitment, a link) recomputes every job.
    /// </summary>
    private static readonly HashSet<string> JobTables = new(StringComparer.Ordinal)
    {
        "ledger_bill_lines", "ledger_journal_lines", "ledger_invoices", "project_change_orders", "project_pay_apps", "project_budget_lines",
    };

    private readonly AsOfMove _moved;
    private readonly DateOnly _asOf;
    private IReadOnlySet<string>? _jobs;
    private string _reason = "";
    private string _agent = "financial";

    private DateScope(AsOfMove moved, DateOnly asOf)
    {
        _moved = moved;
        _asOf = asOf;
    }

    /// <summary>The date path of this sweep, or null when the date did not move forward (the runner's <see cref="SweepContext.Moved"/>).</summary>
    public static DateScope? Of(SweepContext context) => context.Moved is { } moved && moved.PreviousAsOf < context.AsOf ? new DateScope(moved, context.AsOf) : null;

    /// <summary>
    /// Reads the books with the cost totals of just the jobs to recompute, and returns those project jobs; null jobs (and every
    /// job's cost totals) when the move cannot be scoped. Vendors are always null: the bill checks recompute fully.
    /// </summary>
    public async Task<(FinancialData Data, IReadOnlySet<string>? Jobs, VendorScope? Vendors)> LoadAsync(
        SweepContext context, IAgent agent, FinancialOptions options, StageTimes times, CancellationToken cancellationToken)
    {
        _agent = agent.Name;
        var named = Named(_moved.Changes, agent);
        var dated = await times.TimeAsync("dated-rows", () => context.Data.LedgerFinancials.JobsDatedBetweenAsync(_moved.PreviousAsOf, _asOf, cancellationToken));
        _reason = named is null ? "the journal names a change to more than jobs' lines"
            : options.BurdenFromTimecards && dated.TimecardJobs.Count > 0 ? "timecards clocked in since price labor burden across jobs"
            : "";
        var customers = named is not { } journal || _reason.Length > 0 ? null : journal.Customers.Union(dated.LedgerCustomers, StringComparer.Ordinal).ToList();
        var data = await FinancialData.LoadAsync(context.Data, context.Memory, _asOf, times, customers, null, cancellationToken);
        if (customers is null || named is not { } names)
        {
            return (data, null, null);
        }

        if (data.Books.DirectCostLines is { Count: > 0 } || data.Jobs.Keys.Any(j => j.Contains(':', StringComparison.Ordinal)))
        {
            // Direct costs match bills of any job; an id with a colon makes a variance key ambiguous (as on JobScope's path).
            _reason = "direct costs or a job id with a colon";
            var all = await context.Data.LedgerFinancials.CostTotalsAsync(_asOf, cancellationToken);
            return (data with { Books = data.Books with { CostTotals = all } }, null, null);
        }

        var map = data.JobMap();
        var jobs = map.Where(m => customers.Contains(m.Value)).Select(m => m.Key)
            .Concat(names.Jobs).Concat(dated.ProjectJobs).ToHashSet(StringComparer.Ordinal);
        // A project job named by its own rows (a change order, a pay app) whose ledger twin had no dated line: its cost too.
        var twins = jobs.Where(map.ContainsKey).Select(j => map[j]).Except(customers, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        _jobs = jobs;
        if (twins.Count == 0)
        {
            return (data, jobs, null);
        }

        var more = await context.Data.LedgerFinancials.CostTotalsAsync(_asOf, twins, cancellationToken);
        return (data with { Books = data.Books with { CostTotals = [.. data.Books.CostTotals, .. more] } }, jobs, null);
    }

    /// <summary>
    /// The jobs and ledger customers the journal since the stored findings names, or null when it holds a write Financial
    /// reads outside <see cref="JobTables"/> (or of no known table). Writes to tables Financial never reads do not count.
    /// </summary>
    private static (IReadOnlySet<string> Jobs, IReadOnlySet<string> Customers)? Named(IReadOnlyList<JournalEntry> changes, IAgent agent)
    {
        var read = changes.Where(c => AgentTables.Reads(agent, c.Table, null)).ToList();
        if (read.Any(c => c.Table is null || !JobTables.Contains(c.Table)))
        {
            return null;
        }

        return (Keys(read, "job"), Keys(read, "customer"));
    }

    private static HashSet<string> Keys(List<JournalEntry> changes, string kind) =>
        changes.Where(c => c.Kind == kind).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The sweep's result with the stored variance and loss-job findings of every job not recomputed, and the progress line
    /// saying which path ran; the result as computed when every job was.
    /// </summary>
    public async Task<SweepResult> FinishAsync(SweepResult result, FinancialData data, SweepContext context, CancellationToken cancellationToken)
    {
        var moved = $"{_agent}: new date {Day(_asOf)} (from {Day(_moved.PreviousAsOf)})";
        if (_jobs is null)
        {
            context.Progress.Report($"{moved}: every job recomputed ({_reason})");
            return result;
        }

        var kept = JobScope.Kept(await StoredFindings.OpenAsync(context.Data, _agent, cancellationToken), _jobs);
        var recomputed = data.Books.Contracts.Count(c => _jobs.Contains(c.JobId));
        var others = data.Books.Contracts.Count - recomputed;
        context.Progress.Report($"{moved}: {recomputed} jobs with rows dated since or changed recomputed; {others} jobs' findings kept ({kept.Count} findings)");
        return result with { Kept = kept, PerKey = true, PerKeyChecks = ["variance", "loss-jobs"] };
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
