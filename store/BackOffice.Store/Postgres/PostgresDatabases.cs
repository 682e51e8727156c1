using Npgsql;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Throwaway databases on a PostgreSQL server (issue 18): the benchmark's per-run database and the tests' per-fixture
/// one are created and dropped the same way, as the owner role.
/// </summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Drops <paramref name="database"/> through the owner's connection to another database of the server. The owner
    /// may not terminate the application role's backends (DROP ... WITH (FORCE) would need pg_signal_backend), so the
    /// pools of <paramref name="pooledConnectionStrings"/> are cleared and the drop waits for those backends to exit.
    /// </summary>
    public static async Task DropAsync(string ownerConnectionString, string database, params string[] pooledConnectionStrings)
    {
        foreach (var pooled in pooledConnectionStrings)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(pooled));
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database}", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }
}
