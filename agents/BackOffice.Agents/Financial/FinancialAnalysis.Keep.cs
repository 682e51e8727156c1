using System.Collections.Concurrent;

namespace BackOffice.Agents.Financial;

/// <summary>Issue 17: what an analysis refreshed per key keeps from the one before it.</summary>
internal sealed partial class FinancialAnalysis
{
    private readonly ConcurrentDictionary<string, JobWip> _wip = new(StringComparer.Ordinal);

    /// <summary>How many jobs' WIP rows this analysis computed rather than kept (the benchmark prints it).</summary>
    public int WipComputed => _wip.Count - _kept;

    private int _kept;

    /// <summary>
    /// Takes over <paramref name="before"/>'s WIP rows of the jobs not in <paramref name="changedJobs"/>, and its figures that
    /// read no cost line (committed cost, burdened rates, overtime) unless their inputs changed. Only for data refreshed per key from
    /// <paramref name="before"/>'s (<see cref="Reports.FinancialSnapshot"/>): the rest of the books is the same, so a job
    /// whose cost lines did not change has the same row. Returns this analysis.
    /// </summary>
    /// <param name="keepCommitted">False when commitments or change orders changed: committed cost is computed again from this data.</param>
    /// <param name="keepLabor">False when timecards, employees or burden profiles changed: burdened rates and overtime are computed again.</param>
    public FinancialAnalysis Keep(FinancialAnalysis before, IReadOnlySet<string> changedJobs, bool keepCommitted = true, bool keepLabor = true)
    {
        foreach (var (job, row) in before._wip.Where(w => !changedJobs.Contains(w.Key)))
        {
            _kept += _wip.TryAdd(job, row) ? 1 : 0;
        }

        _committed = keepCommitted ? before._committed : null;
        _employeeRates = keepLabor ? before._employeeRates : null;
        _overtime = keepLabor ? before._overtime : null;
        return this;
    }
}
