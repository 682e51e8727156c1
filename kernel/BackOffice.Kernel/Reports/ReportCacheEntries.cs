using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Kernel.Reports;

/// <summary>
/// One tenant's tables in one change scope (issue 17): the tables and shared memos of the current stamp, the runs in
/// flight, and the tables last asked for, which <see cref="ReportCache.WarmAsync"/> recomputes after a change.
/// </summary>
internal sealed class ReportCacheEntries
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (ReportTable Table, long Used)> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Stamp, Task<ReportTable> Run)> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, ReportMemo> _memos = [];
    private readonly Dictionary<DateOnly, ReportMemo> _previousMemos = [];
    private readonly Dictionary<string, (IReport Report, ReportRequest Request, long Used)> _recent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);
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

    /// <summary>Whether the tables kept are those of <paramref name="stamp"/>.</summary>
    public bool Holds(string stamp)
    {
        lock (_lock)
        {
            return stamp == _stamp;
        }
    }

    /// <summary>The run computing <paramref name="key"/> under <paramref name="stamp"/>, started by <paramref name="start"/> unless one is in flight.</summary>
    public Task<ReportTable> Join(string stamp, string key, Func<Task<ReportTable>> start)
    {
        Task<ReportTable> run;
        lock (_lock)
        {
            if (_running.TryGetValue(key, out var running) && running.Stamp == stamp)
            {
                return running.Run;
            }

            run = Task.Run(start);
            _running[key] = (stamp, run);
        }

        // Kept once done (a failed run is forgotten, so the next request tries again), then out of the in-flight list.
        _ = run.ContinueWith(done => Finish(stamp, key, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run;
    }

    private void Finish(string stamp, string key, Task<ReportTable> run)
    {
        if (run.IsCompletedSuccessfully)
        {
            Put(stamp, key, run.Result);
        }

        lock (_lock)
        {
            if (_running.TryGetValue(key, out var running) && running.Run == run)
            {
                _running.Remove(key);
            }
        }
    }

    /// <summary>Remembers what was asked for last, for warming; the oldest beyond <see cref="ReportCache.WarmTables"/> is forgotten.</summary>
    public void Touch(string key, IReport report, ReportRequest request)
    {
        lock (_lock)
        {
            _recent[key] = (report, request, ++_clock);
            if (_recent.Count > ReportCache.WarmTables)
            {
                _recent.Remove(_recent.MinBy(e => e.Value.Used).Key);
            }
        }
    }

    /// <summary>Stops warming <paramref name="key"/> (its last warming failed).</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            _recent.Remove(key);
        }
    }

    /// <summary>The tables last asked for, newest first.</summary>
    public IReadOnlyList<(IReport Report, ReportRequest Request)> Recent()
    {
        lock (_lock)
        {
            return _recent.Values.OrderByDescending(e => e.Used).Select(e => (e.Report, e.Request)).ToList();
        }
    }

    /// <summary>The memo of one as-of date under <paramref name="stamp"/>; a few dates are kept, the rest dropped.</summary>
    public ReportMemo Memo(string stamp, DateOnly asOf)
    {
        lock (_lock)
        {
            if (!Restamp(stamp))
            {
                return new ReportMemo();
            }

            if (!_memos.TryGetValue(asOf, out var memo))
            {
                if (_memos.Count >= ReportCache.MemosPerTenant)
                {
                    _memos.Clear();
                }

                // Issue 17: the same date's memo of the stamp before, so a report may refresh it per key.
                _memos[asOf] = memo = ReportMemo.After(_previousMemos.GetValueOrDefault(asOf));
            }

            return memo;
        }
    }

    public void Put(string stamp, string key, ReportTable table)
    {
        lock (_lock)
        {
            if (!Restamp(stamp))
            {
                return;
            }

            if (_tables.Count >= ReportCache.EntriesPerTenant && !_tables.ContainsKey(key))
            {
                _tables.Remove(_tables.MinBy(e => e.Value.Used).Key);
            }

            _tables[key] = (table, ++_clock);
        }
    }

    /// <summary>
    /// Moves to <paramref name="stamp"/> when it was never seen (newer data, or a newer watch): what was kept belongs to
    /// older data. False for a stamp already left behind: a run that started before a change and ended after it.
    /// </summary>
    private bool Restamp(string stamp)
    {
        if (stamp == _stamp)
        {
            return true;
        }

        if (_retired.Contains(stamp))
        {
            return false;
        }

        if (_retired.Count >= 256)
        {
            _retired.Clear();
        }

        _retired.Add(_stamp);
        _tables.Clear();
        // Issue 17: a date's last memo that holds something, even when stamps came between it and now with no report of
        // that date, so the first report after several writes can still refresh per key (the journal spans them all).
        foreach (var (day, memo) in _memos.Where(m => !m.Value.IsEmpty))
        {
            if (_previousMemos.Count >= ReportCache.MemosPerTenant && !_previousMemos.ContainsKey(day))
            {
                _previousMemos.Clear();
            }

            _previousMemos[day] = memo;
        }

        _memos.Clear();
        _stamp = stamp;
        return true;
    }
}
