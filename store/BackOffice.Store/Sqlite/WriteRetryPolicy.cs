using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Issue 19: how a write unit asks for the database's write lock when another writer holds it. Each attempt waits at
/// most about a second (<see cref="StoreBusy.BusyTimeoutMilliseconds"/>); between attempts it backs off exponentially
/// with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015), so writers that queued behind a
/// stalled one do not all retry in the same instant. After the last attempt it throws <see cref="TenantBusyException"/>.
/// Only the lock is retried: nothing has been read or written when BEGIN IMMEDIATE fails, so a retry is always safe.
/// </summary>
public sealed record WriteRetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Four attempts: a writer gives up after about five seconds instead of the 10-31 s of issue 19.</summary>
    public static WriteRetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800));

    /// <summary>Called before each retry with the retry's number (1 = second attempt) and its delay; a test seam.</summary>
    public Action<int, TimeSpan>? Retrying { get; init; }

    /// <summary>The delay before retry <paramref name="retry"/> (1-based): uniform in [cap/2, cap], cap = first * 2^(retry-1).</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(cap / 2 + random.NextDouble() * cap / 2);
    }

    /// <summary>Begins an IMMEDIATE transaction on <paramref name="connection"/>, retrying while the database is busy.</summary>
    public async Task<SqliteTransaction> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Microsoft.Data.Sqlite's BeginTransaction is BEGIN IMMEDIATE: the write lock is taken here or not at all.
                return (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
            {
                if (attempt >= Attempts)
                {
                    throw new TenantBusyException(attempt, ex);
                }

                var delay = DelayBefore(attempt, Random.Shared);
                Retrying?.Invoke(attempt, delay);
                // Real time, not the injected business clock: a lock is released in wall-clock time, and tests freeze the clock.
                await Task.Delay(delay, cancellationToken);
            }
        }
    }
}
