using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Issue 19: a tenant whose database stays locked past the bounded busy timeout (another writer stalled inside a
/// write) is "busy, try again" for the API (503 with Retry-After) and the CLI (exit 1 with a message), never a crash.
/// Here because only the store knows the tenant is SQLite.
/// </summary>
public static class StoreBusy
{
    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    public const string Message = "The tenant is busy (another writer holds its database); try again in a few seconds.";

    /// <summary>
    /// How long one attempt waits on SQLite's own busy handler (PRAGMA busy_timeout). Microsoft.Data.Sqlite then
    /// retries a busy statement until the command timeout (1 s, see <see cref="SqliteConnections"/>), so one attempt
    /// at the write lock is bounded by about a second (issue 19: it was 10 s of busy_timeout plus 30 s of retries).
    /// </summary>
    public const int BusyTimeoutMilliseconds = 1000;

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), or writes given up after retries, directly or as the inner cause.</summary>
    public static bool Is(Exception exception) =>
        exception is TenantBusyException or SqliteException { SqliteErrorCode: 5 or 6 }
        || (exception.InnerException is { } inner && Is(inner));
}

/// <summary>Issue 19: the write lock stayed taken through every attempt of a <see cref="WriteRetryPolicy"/>.</summary>
public sealed class TenantBusyException(int attempts, Exception inner) : Exception(StoreBusy.Message, inner)
{
    /// <summary>How many times the write lock was asked for before giving up.</summary>
    public int Attempts { get; } = attempts;
}
