using System.Collections.Concurrent;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Kernel.Reports;

/// <summary>
/// Computed report tables per tenant, reused until the tenant's data changes (issue 17: a worklist page of a 200-job
/// tenant recomputed the agents' analysis over the whole books on every request, 4-22 s). An entry is keyed by report,
/// as-of date, job and period, and belongs to the tenant's change stamp (<see cref="Store.Tenancy.TenantData.ChangeStampAsync"/>)
/// read before the report runs: any commit to the tenant (import, sync, sweep, execute, edit...) moves the stamp and
/// drops every entry of the tenant. Figures are never changed, only not recomputed; rows are shared, so readers must not
/// modify them (the API clones before it serialises).
/// </summary>
public sealed class ReportCache
{
    /// <summary>Tables kept per tenant for the current stamp; the oldest used goes first (a table can be megabytes).</summary>
    public const int EntriesPerTenant = 24;

    /// <summary>As-of dates whose shared analysis is kept per tenant (each holds the books it was computed from).</summary>
    public const int MemosPerTenant = 3;

    private readonly ConcurrentDictionary<string, TenantEntries> _tenants = new(StringComparer.Ordinal);

    /// <summary>How many tables were computed rather than reused, for tests and the benchmark.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    private long _misses;

    public async Task<ReportTable> GetOrRunAsync(IReport report, ReportRequest request, CancellationToken cancellationToken)
    {
        var stamp = await request.Data.ChangeStampAsync(cancellationToken);
        if (stamp is null)
        {
            Interlocked.Increment(ref _misses);
            return await report.RunAsync(request, cancellationToken);
        }

        var key = $"{report.Name}\n{request.AsOf:yyyy-MM-dd}\n{request.Job}\n{request.Period}";
        var entries = _tenants.GetOrAdd(request.Tenant, _ => new TenantEntries());
        if (entries.TryGet(stamp, key) is { } cached)
        {
            return cached;
        }

        Interlocked.Increment(ref _misses);
        request = request with { Memo = entries.Memo(stamp, request.AsOf) };
        // Stored under the stamp read before the run: a commit during the run leaves a newer stamp, so the next
        // request recomputes rather than trusting a table that may predate the commit.
        var table = await report.RunAsync(request, cancellationToken);
        entries.Put(stamp, key, table);
        return table;
    }

    private sealed class TenantEntries
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, (ReportTable Table, long Used)> _tables = new(StringComparer.Ordinal);
        private readonly Dictionary<DateOnly, ReportMemo> _memos = [];
        private string _stamp = "";
        private long _clock;

        public ReportTable? TryGet(string stamp, string key)
        {
            lock (_lock)
            {
                if (stamp != _stamp || !_tables.TryGetValue(key, out var entry))
                {
                    return null;
                }

                _tables[key] = (entry.Table, ++_clock);
                return entry.Table;
            }
        }

        /// <summary>The memo of one as-of date under <paramref name="stamp"/>; a few dates are kept, the rest dropped.</summary>
        public ReportMemo Memo(string stamp, DateOnly asOf)
        {
            lock (_lock)
            {
                Restamp(stamp);
                if (!_memos.TryGetValue(asOf, out var memo))
                {
                    if (_memos.Count >= MemosPerTenant)
                    {
                        _memos.Clear();
                    }

                    _memos[asOf] = memo = new ReportMemo();
                }

                return memo;
            }
        }

        public void Put(string stamp, string key, ReportTable table)
        {
            lock (_lock)
            {
                Restamp(stamp);

                if (_tables.Count >= EntriesPerTenant && !_tables.ContainsKey(key))
                {
                    _tables.Remove(_tables.MinBy(e => e.Value.Used).Key);
                }

                _tables[key] = (table, ++_clock);
            }
        }

        private void Restamp(string stamp)
        {
            // A stamp never seen before is newer data (or a newer watch): what was kept belongs to older data.
            if (stamp != _stamp)
            {
                _tables.Clear();
                _memos.Clear();
                _stamp = stamp;
            }
        }
    }
}
