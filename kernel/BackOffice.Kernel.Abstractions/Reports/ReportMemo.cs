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
