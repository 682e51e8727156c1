using System.Collections.Concurrent;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Reports;

/// <summary>
/// Computed report tables per tenant, reused until the data they read changes (issue 17: a worklist page of a 200-job
/// tenant recomputed the agents' analysis over the whole books on every request, 4-22 s). An entry is keyed by report,
/// as-of date, job and period, and belongs to the tenant's change stamp in the report's scope (<see cref="IReport.Reads"/>,
/// <see cref="TenantData.ChangeStampAsync(ChangeScope, CancellationToken)"/>) read before the report runs: a commit in
/// that scope drops the scope's entries, so an approval or a sweep leaves the books' reports cached while an import, a
/// sync or an executed bill does not. Two requests for the same table share one run, and <see cref="WarmAsync"/>
/// recomputes the tables last asked for after a change, so the next reader finds them ready. Figures are never
/// changed, only not recomputed; rows are shared, so readers must not modify them (the API clones before it serialises).
/// </summary>
public sealed class ReportCache
{
    /// <summary>
    /// Tables kept per tenant and scope for the current stamp; the oldest used goes first (a table can be megabytes).
    /// 48, not 24: the console's report pages, the jobs page and the dashboard ask for about 30 tables of one date, and a
    /// person going through them evicted each before coming back to it (the 200-job benchmark recomputed after an approval).
    /// </summary>
    public const int EntriesPerTenant = 48;

    /// <summary>As-of dates whose shared analysis is kept per tenant (each holds the books it was computed from).</summary>
    public const int MemosPerTenant = 3;

    /// <summary>The tables last asked for per tenant and scope that <see cref="WarmAsync"/> recomputes after a change.</summary>
    public const int WarmTables = 16;

    private readonly ConcurrentDictionary<(string Tenant, ChangeScope Scope), ReportCacheEntries> _tenants = new();

    /// <summary>How many tables were computed rather than reused, for tests and the benchmark.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    private long _misses;

    /// <summary>
    /// Issue 17: how many runs refreshed the previous stamp's figures per key (only the jobs the change journal names) rather
    /// than computing from the whole books; the property test fails if this path is never taken.
    /// </summary>
    public long PerKeyRuns => Interlocked.Read(ref _perKeyRuns);

    private long _perKeyRuns;

    public async Task<ReportTable> GetOrRunAsync(IReport report, ReportRequest request, CancellationToken cancellationToken)
    {
        var scope = report.Reads;
        var stamp = await request.Data.ChangeStampAsync(scope, cancellationToken);
        if (stamp is null)
        {
            Interlocked.Increment(ref _misses);
            return await report.RunAsync(request, cancellationToken);
        }

        var key = Key(report, request);
        var entries = _tenants.GetOrAdd((request.Tenant, scope), _ => new ReportCacheEntries());
        if (entries.TryGet(stamp, key) is { } cached)
        {
            entries.Touch(key, report, request with { Memo = null, ResolvedJob = null, Times = null });
            return cached;
        }

        // Run under the stamp read before the run: a commit during the run leaves a newer stamp, so the next request
        // recomputes rather than trusting a table that may predate the commit. One run per table and stamp, shared by
        // every caller and not cancelled with any one of them.
        var run = entries.Join(stamp, key, async () =>
        {
            Interlocked.Increment(ref _misses);
            var memo = entries.Memo(stamp, request.AsOf);
            var perKey = memo.PerKey;
            var table = await report.RunAsync(request with { Memo = memo }, CancellationToken.None);
            Interlocked.Add(ref _perKeyRuns, memo.PerKey > perKey ? 1 : 0);
            return table;
        });
        var table = await run.WaitAsync(cancellationToken);
        // Only a table that was computed is warmed again: a request that fails (no --job, bad input) is not retried.
        entries.Touch(key, report, request with { Memo = null, ResolvedJob = null, Times = null });
        return table;
    }

    // Issue 17: Since is part of the key, or the console's and the API's quickbooks-events since a date would be
    // answered with the table of another date (or of none) cached under the same report, date and job.
    private static string Key(IReport report, ReportRequest request) =>
        $"{report.Name}\n{request.AsOf:yyyy-MM-dd}\n{request.Job}\n{request.Period}\n{request.Since?.UtcTicks}";

    /// <summary>
    /// Recomputes, for every tenant and scope whose data changed since its tables were computed, the tables last asked
    /// for (newest first), so the first view after a write reads a ready table (issue 17). Returns how many it computed.
    /// </summary>
    public async Task<int> WarmAsync(CancellationToken cancellationToken)
    {
        var computed = 0;
        foreach (var ((_, scope), entries) in _tenants)
        {
            var recent = entries.Recent();
            if (recent.Count == 0 || await recent[0].Request.Data.ChangeStampAsync(scope, cancellationToken) is not { } stamp || entries.Holds(stamp))
            {
                continue;
            }

            foreach (var (report, request) in recent)
            {
                var before = Misses;
                try
                {
                    await GetOrRunAsync(report, request, cancellationToken);
                    computed += Misses > before ? 1 : 0;
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // A table that no longer computes (the books changed under its job or period) is not warmed again
                    // until someone views it, and then the page shows why; the other tables still warm.
                    entries.Forget(Key(report, request));
                }
            }
        }

        return computed;
    }
}
