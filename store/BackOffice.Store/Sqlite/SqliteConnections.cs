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
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets the scheduler read while an approver writes; busy_timeout turns lock contention into a wait, not an error.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }
}
