using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>Opens one connection per operation, configured the same way everywhere.</summary>
public static class SqliteConnections
{
    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets the scheduler read while an approver writes; busy_timeout turns lock contention into a wait, not an error.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
