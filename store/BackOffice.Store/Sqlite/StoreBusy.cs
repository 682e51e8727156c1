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

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), directly or as the inner cause.</summary>
    public static bool Is(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } || (exception.InnerException is { } inner && Is(inner));
}
