using BackOffice.Store.Postgres;
using BackOffice.Store.Tenancy;
using Npgsql;

namespace BackOffice.Store.Bench;

/// <summary>
/// A throwaway PostgreSQL database for one benchmark run (issue 18, `bench --provider postgres`): created by the owner
/// role on the server the host's Store settings name, so each run starts empty as a new SQLite data folder does, and
/// dropped afterwards. Its options are the host's with only the database changed (same server, roles, pool).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly StoreOptions _server;

    private BenchDatabase(StoreOptions server, string name)
    {
        _server = server;
        Name = name;
        Options = new StoreOptions
        {
            Provider = StoreOptions.Postgres,
            PostgresConnectionString = On(server.PostgresConnectionString!, name),
            PostgresOwnerConnectionString = On(server.PostgresOwnerConnectionString!, name),
            PostgresMaxPoolSize = server.PostgresMaxPoolSize,
            PostgresPoolWaitSeconds = server.PostgresPoolWaitSeconds,
            PostgresWriteQueueSeconds = server.PostgresWriteQueueSeconds,
            PostgresCommandTimeoutSeconds = server.PostgresCommandTimeoutSeconds,
        };
    }

    public string Name { get; }

    public StoreOptions Options { get; }

    /// <summary>
    /// Opens a connection as each role the host would use and fails naming the setting whose server does not answer,
    /// before anything is generated or measured.
    /// </summary>
    public static async Task ProbeAsync(StoreOptions server, CancellationToken cancellationToken)
    {
        server.Validate();
        foreach (var (setting, connectionString) in new[]
                 {
                     ("PostgresConnectionString", server.PostgresConnectionString!),
                     ("PostgresOwnerConnectionString", server.PostgresOwnerConnectionString!),
                 })
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                var where = new NpgsqlConnectionStringBuilder(connectionString);
                throw new BenchDatabaseException(
                    $"{StoreOptions.SectionName}:{setting}: PostgreSQL at {where.Host}:{where.Port} (database {where.Database ?? "(default)"}) " +
                    $"does not answer as {where.Username}: {ex.Message}. Start it (scripts/postgres-setup.sh) or correct the setting.", ex);
            }
        }
    }

    /// <summary>Creates an empty database named <paramref name="name"/> as the owner role (which needs CREATEDB).</summary>
    public static async Task<BenchDatabase> CreateAsync(StoreOptions server, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.PostgresOwnerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BenchDatabaseException(
                $"{StoreOptions.SectionName}:PostgresOwnerConnectionString: role {connection.UserName} may not create the bench's database {name} (it needs CREATEDB).", ex);
        }

        return new BenchDatabase(server, name);
    }

    private static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>Drops the database; the measured commands ran in child processes that have exited.</summary>
    public ValueTask DisposeAsync() =>
        new(PostgresDatabases.DropAsync(_server.PostgresOwnerConnectionString!, Name, Options.PostgresOwnerConnectionString!));
}

/// <summary>The benchmark's PostgreSQL is not reachable or not usable; the message names the setting.</summary>
public sealed class BenchDatabaseException(string message, Exception inner) : Exception(message, inner);
