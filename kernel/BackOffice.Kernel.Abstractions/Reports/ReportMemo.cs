using System.Collections.Concurrent;

namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>
/// What several reports compute from the same books (the Financial agent's analysis of a tenant as of a date), kept
/// while the tenant's data does not change so the second report of the same date does not compute it again (issue 17).
/// The report cache hands one memo per tenant, data stamp and as-of date; without one a report computes as before.
/// Values are shared between requests, so they must not be changed after they are made.
/// </summary>
public sealed class ReportMemo
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _values = new(StringComparer.Ordinal);

    /// <summary>Issue 17: values an earlier stamp's memo made that this one did not (see <see cref="Base{T}"/>).</summary>
    private readonly ConcurrentDictionary<string, object> _carried = new(StringComparer.Ordinal);
    private ReportMemo? _previous;
    private long _perKey;

    /// <summary>
    /// Issue 17: the last memo of the same tenant and date that held something, under an earlier stamp (one generation
    /// only, the older one is let go), so a report can
    /// refresh what it computed there per key (the change journal names what moved) instead of reading the whole books again.
    /// </summary>
    public ReportMemo? Previous => Volatile.Read(ref _previous);

    /// <summary>Whether nothing was asked of this memo yet.</summary>
    public bool IsEmpty => _values.IsEmpty;

    /// <summary>How many values of this memo were made from <see cref="Previous"/> per key rather than from scratch.</summary>
    public long PerKey => Interlocked.Read(ref _perKey);

    /// <summary>A memo for the next stamp whose <see cref="Previous"/> is <paramref name="previous"/>; the older one is let go.</summary>
    public static ReportMemo After(ReportMemo? previous)
    {
        if (previous is not null)
        {
            if (Volatile.Read(ref previous._previous) is { } older)
            {
                previous.Carry(older);
            }

            Volatile.Write(ref previous._previous, null);
        }

        return new ReportMemo { _previous = previous };
    }

    /// <summary>Counts a value made per key from <see cref="Previous"/> (tests and the benchmark check the path is taken).</summary>
    public void CountPerKey() => Interlocked.Increment(ref _perKey);

    /// <summary>The value under <paramref name="key"/> when it was made and succeeded, without waiting or making it.</summary>
    public T? Completed<T>(string key)
        where T : class =>
        _values.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result as T : null;

    /// <summary>
    /// Issue 17: the value under <paramref name="key"/> this memo made, else the one it carried from an earlier stamp's
    /// memo: what a report refreshes per key from. A date's reports of different kinds (Financial, Workforce, Documents)
    /// viewed one after another, each after its own write, would otherwise find only the other kind's data in the memo
    /// before and read everything again. Never a value for this memo's own stamp (that is <see cref="Completed{T}"/>).
    /// </summary>
    public T? Base<T>(string key)
        where T : class =>
        Completed<T>(key) ?? (_carried.TryGetValue(key, out var value) ? value as T : null);

    /// <summary>
    /// Keeps, of what <paramref name="older"/> made or carried, each value under a key this memo has none for (one value
    /// a key, so the chain holds no more than one earlier value of each kind alive).
    /// </summary>
    private void Carry(ReportMemo older)
    {
        foreach (var key in older._values.Keys.Concat(older._carried.Keys))
        {
            if (Completed<object>(key) is null && older.Base<object>(key) is { } value)
            {
                _carried.TryAdd(key, value);
            }
        }
    }

    /// <summary>
    /// The value under <paramref name="key"/>, made once by <paramref name="make"/> (concurrent callers wait for the
    /// same task); a failed or cancelled make is forgotten, so the next caller tries again.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> make)
        where T : class
    {
        var lazy = _values.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await make()));
        try
        {
            return (T)await lazy.Value;
        }
        catch (Exception) when (!lazy.Value.IsCompletedSuccessfully)
        {
            _values.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, lazy));
            throw;
        }
    }
}
