using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Opens connections configured the same way everywhere. Pooling is on (issue 12: a new connection per operation
/// cost more than the query behind most API calls); the per-connection pragmas run once per physical connection,
/// remembered by its native handle, not on every open from the pool.
/// </summary>
internal static class SqliteConnections
{
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            // Issue 19: Microsoft.Data.Sqlite retries a busy statement until this many seconds pass; 1 bounds one attempt.
            DefaultTimeout = 1,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets the scheduler read while an approver writes; busy_timeout turns lock contention into a bounded
            // wait; WriteRetryPolicy retries the write lock after it (issue 19).
            pragma.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {StoreBusy.BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(handle, Configured);
        }

        // On every open, not once per handle: the function's delegate belongs to this SqliteConnection object.
        CrashPoints.Install(connection);

        return connection;
    }
}
