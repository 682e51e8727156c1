using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 18: the per-job path of the Financial sweep. Budget variance and loss jobs are figures of one job each, whose
/// ledger side is that job's cost totals; when the only writes since the last sweep (same as-of date and inputs) are
/// bill and journal lines, only the ledger jobs those lines were or are on can have changed. Those jobs' cost totals
/// are read and their two checks recomputed; the other jobs' stored findings are kept. The same journal names the bills
/// whose lines changed and the vendors of changed journal lines, from which <see cref="VendorScope"/> keys the
/// bill-dependent checks by vendor. Issue 16: pay-app and G703 line writes may be among them; they name their pay
/// application and its job, and only those jobs' pay applications are tied out again (<see cref="PayAppJobs"/>). No other
/// per-key check reads a pay application (variance reads budgets and cost, a loss job the WIP's contract and costs, the
/// per-vendor items bills), and every other check that reads one (the reconciliation's pay-app items, receivable
/// retainage, owner invoice drafts) is company-wide and recomputes fully, as every other check does.
/// </summary>
internal sealed class JobScope
{
    /// <summary>Tables whose rows reach the two per-job checks only through the cost totals of the row's customer, before and after.</summary>
    private static readonly HashSet<string> CostLineTables = new(StringComparer.Ordinal) { "ledger_bill_lines", "ledger_journal_lines" };

    /// <summary>Issue 16: tables whose rows reach only the pay-app tie-out (and the company-wide checks) through their job's pay applications.</summary>
    private static readonly HashSet<string> PayAppTables = new(StringComparer.Ordinal) { "project_pay_apps", "project_pay_app_lines" };

    private const string VariancePrefix = "financial:variance:";
    private const string LossJobPrefix = "financial:loss-job:";

    private readonly IReadOnlyList<JournalEntry> _payAppChanges;

    private JobScope(IReadOnlySet<string> customers, IReadOnlySet<string> bills, IReadOnlySet<string> vendors, IReadOnlyList<JournalEntry> payAppChanges)
    {
        Customers = customers;
        Bills = bills;
        Vendors = vendors;
        _payAppChanges = payAppChanges;
    }

    /// <summary>The ledger jobs (customers) whose lines changed.</summary>
    public IReadOnlySet<string> Customers { get; }

    /// <summary>Issue 18: the bills whose lines changed (a line's document, before and after).</summary>
    public IReadOnlySet<string> Bills { get; }

    /// <summary>Issue 18: the ledger vendors changed lines name themselves (a journal line's vendor, before and after).</summary>
    public IReadOnlySet<string> Vendors { get; }

    /// <summary>The scope the journal allows, or null when a check's inputs other than cost lines changed (recompute everything).</summary>
    public static JobScope? From(IReadOnlyList<JournalEntry>? changes)
    {
        if (changes is null || changes.Count == 0 || changes.Any(c => c.Table is null || !(CostLineTables.Contains(c.Table) || PayAppTables.Contains(c.Table))))
        {
            return null;
        }

        var costLines = changes.Where(c => CostLineTables.Contains(c.Table!)).ToList();
        return new JobScope(Keys(costLines, "customer"), Keys(costLines, "ledger_bills"), Keys(costLines, "vendor"), [.. changes.Where(c => PayAppTables.Contains(c.Table!))]);
    }

    /// <summary>
    /// Issue 16: the project jobs whose pay applications to tie out again: the job a pay-app write names, and the job of
    /// the pay application a G703 line write names (bundle import and Procore sync journal both). Null (tie out every
    /// job) when a named pay application is no longer stored and so says no job, or an entry is of another kind.
    /// </summary>
    public IReadOnlySet<string>? PayAppJobs(FinancialData data)
    {
        var jobs = new HashSet<string>(StringComparer.Ordinal);
        var appJobs = data.Books.PayApps.ToDictionary(p => p.Id, p => p.JobId, StringComparer.Ordinal);
        foreach (var change in _payAppChanges)
        {
            if (change.Kind == "job")
            {
                jobs.Add(change.Key);
            }
            else if (change.Kind == "project_pay_apps" && appJobs.TryGetValue(change.Key, out var job))
            {
                jobs.Add(job);
            }
            else
            {
                return null;
            }
        }

        return jobs;
    }

    private static HashSet<string> Keys(IReadOnlyList<JournalEntry> changes, string kind) =>
        changes.Where(c => c.Kind == kind).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The project jobs to recompute: those whose ledger twin's lines changed. Null (recompute all) when a project job id
    /// holds a colon, because a variance finding's key (job:cost code) would then not say which job it is.
    /// </summary>
    public IReadOnlySet<string>? Jobs(FinancialData data)
    {
        if (data.Jobs.Keys.Any(j => j.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }

        return data.JobMap().Where(m => Customers.Contains(m.Value)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The stored variance and loss-job findings of jobs not recomputed: kept as they are.</summary>
    public static IReadOnlyList<Finding> Kept(IReadOnlyList<Finding> stored, IReadOnlySet<string> recomputed) =>
        stored.Where(f => JobOf(f.Key) is { } job && !recomputed.Contains(job)).ToList();

    /// <summary>Issue 16: the stored pay-app tie-out findings of jobs not tied out again: kept as they are.</summary>
    public static IReadOnlyList<Finding> KeptTieOuts(IReadOnlyList<Finding> stored, IReadOnlySet<string> recomputed) =>
        stored.Where(f => PayAppTieOutCheck.JobOf(f.Key) is { } job && !recomputed.Contains(job)).ToList();

    /// <summary>The job of a per-job finding's key, or null for a finding of another check.</summary>
    private static string? JobOf(string key) =>
        key.StartsWith(LossJobPrefix, StringComparison.Ordinal) ? key[LossJobPrefix.Length..]
        : key.StartsWith(VariancePrefix, StringComparison.Ordinal) && key.IndexOf(':', VariancePrefix.Length) is var end and > 0 ? key[VariancePrefix.Length..end]
        : null;
}
