using BackOffice.Store.Postgres;
using BackOffice.Store.Tenancy;
using Npgsql;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// A throwaway database per fixture, created by the owner role and dropped afterwards, so tests run in parallel
/// and leave nothing behind. Hands out engines on it: each engine has its own connection pool, so two engines are two
/// hosts as far as PostgreSQL can tell.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly List<PostgresEngine> _engines = [];

    private PostgresDatabase(string name)
    {
        Name = name;
        Options = new StoreOptions
        {
            Provider = StoreOptions.Postgres,
            PostgresConnectionString = On(PostgresServer.AppConnectionString, name),
            PostgresOwnerConnectionString = On(PostgresServer.OwnerConnectionString, name),
        };
    }

    public string Name { get; }

    public StoreOptions Options { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = "bo_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(PostgresServer.OwnerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresDatabase(name);
    }

    /// <summary>A new engine (a new pool: another host) on this database.</summary>
    public PostgresEngine Engine(int? maxPoolSize = null)
    {
        var options = maxPoolSize is { } size
            ? new StoreOptions
            {
                Provider = StoreOptions.Postgres,
                PostgresConnectionString = Options.PostgresConnectionString,
                PostgresOwnerConnectionString = Options.PostgresOwnerConnectionString,
                PostgresMaxPoolSize = size,
            }
            : Options;
        var engine = new PostgresEngine(options);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>A connection as the owner or the application role, with no tenant set.</summary>
    public async Task<NpgsqlConnection> OpenAsync(bool owner)
    {
        var connection = new NpgsqlConnection(owner ? Options.PostgresOwnerConnectionString : Options.PostgresConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static string On(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }

        await PostgresDatabases.DropAsync(
            PostgresServer.OwnerConnectionString, Name, Options.PostgresConnectionString!, Options.PostgresOwnerConnectionString!);
    }
}
