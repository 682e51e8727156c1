using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 18: the per-job path of the Financial sweep. Budget variance and loss jobs are figures of one job each, whose
/// ledger side is that job's cost totals; when the only writes since the last sweep (same as-of date and inputs) are
/// bill and journal lines, only the ledger jobs those lines were or are on can have changed. Those jobs' cost totals
/// are read and their two checks recomputed; the other jobs' stored findings are kept. The same journal names the bills
/// whose lines changed and the vendors of changed journal lines, from which <see cref="VendorScope"/> keys the
/// bill-dependent checks by vendor. Every other check is company-wide and recomputes fully.
/// </summary>
internal sealed class JobScope
{
    /// <summary>Tables whose rows reach the two per-job checks only through the cost totals of the row's customer, before and after.</summary>
    private static readonly HashSet<string> CostLineTables = new(StringComparer.Ordinal) { "ledger_bill_lines", "ledger_journal_lines" };

    private const string VariancePrefix = "financial:variance:";
    private const string LossJobPrefix = "financial:loss-job:";

    private JobScope(IReadOnlySet<string> customers, IReadOnlySet<string> bills, IReadOnlySet<string> vendors)
    {
        Customers = customers;
        Bills = bills;
        Vendors = vendors;
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
        if (changes is null || changes.Count == 0 || changes.Any(c => c.Table is null || !CostLineTables.Contains(c.Table)))
        {
            return null;
        }

        return new JobScope(Keys(changes, "customer"), Keys(changes, "ledger_bills"), Keys(changes, "vendor"));
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

    /// <summary>The job of a per-job finding's key, or null for a finding of another check.</summary>
    private static string? JobOf(string key) =>
        key.StartsWith(LossJobPrefix, StringComparison.Ordinal) ? key[LossJobPrefix.Length..]
        : key.StartsWith(VariancePrefix, StringComparison.Ordinal) && key.IndexOf(':', VariancePrefix.Length) is var end and > 0 ? key[VariancePrefix.Length..end]
        : null;
}
