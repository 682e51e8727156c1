using BackOffice.Store.Bench;
using BackOffice.Store.Bundle;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Npgsql;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: `bench --provider postgres` measures the same figures on PostgreSQL. Its floors run on the engine the
/// measured commands run on, and a server that does not answer is refused before anything is generated, naming the setting.
/// </summary>
public sealed class BenchProviderTests
{
    [PostgresFact]
    public async Task ReadTenant_DemoImportedOnPostgres_ReadsAsManyRowsAsOnSqliteAndOnlyThatTenants()
    {
        var sqlite = await ImportedRowsAsync(StoreOptions.Sqlite);

        var postgres = await ImportedRowsAsync(StoreOptions.Postgres);

        // An empty SQLite tenant still has its bookkeeping rows; the import's own rows must match.
        Assert.Equal(sqlite.Demo - sqlite.Empty, postgres.Demo - postgres.Empty);
        // Row-level security keeps the bare read to its tenant: an empty tenant beside the demo reads nothing.
        Assert.Equal(0, postgres.Empty);
    }

    [Theory]
    [StoreProviders]
    public async Task InsertBundle_DemoBundle_InsertsEveryDataRow(string provider)
    {
        using var temp = new TempDataDirectory();
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var dataRows = await BareWork.ReadBundleAsync(RepoPaths.DemoBundle, CancellationToken.None)
                       - Directory.EnumerateFiles(RepoPaths.DemoBundle, "*.csv", SearchOption.AllDirectories).Count();

        var inserted = store.Database is { } database
            ? await BareWork.InsertBundlePostgresAsync(RepoPaths.DemoBundle, database.Options.PostgresOwnerConnectionString!, CancellationToken.None)
            : await BareWork.InsertBundleAsync(RepoPaths.DemoBundle, Path.Combine(temp.Root, "bare.db"), CancellationToken.None);

        Assert.Equal(dataRows, inserted);
        if (store.Database is { } db)
        {
            await using var connection = await db.OpenAsync(owner: true);
            Assert.Equal(dataRows, await CountSchemaRowsAsync(connection, "bare"));
        }
    }

    [Fact]
    public async Task Bench_PostgresWithoutConnectionString_NamesTheSetting()
    {
        using var temp = new TempDataDirectory();

        var result = await new CliRunner(temp.Root).RunAsync("bench", "--provider", "postgres", "--jobs", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Store:PostgresConnectionString is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_PostgresNotAnswering_NamesTheSettingBeforeGenerating()
    {
        using var temp = new TempDataDirectory();
        using var settings = new EnvironmentSettings("BACKOFFICE_Store__");
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        settings.Set("PostgresConnectionString", "Host=127.0.0.1;Port=1;Database=backoffice;Username=backoffice_app;Password=x;Timeout=3");
        settings.Set("PostgresOwnerConnectionString", "Host=127.0.0.1;Port=1;Database=backoffice;Username=backoffice_owner;Password=x;Timeout=3");
        var work = Path.Combine(temp.Root, "work");

        var result = await new CliRunner(temp.Root).RunAsync("bench", "--provider", "postgres", "--jobs", "10", "--work", work);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Store:PostgresConnectionString: PostgreSQL at 127.0.0.1:1", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "bundle-10")), "nothing is generated when the server does not answer");
    }

    /// <summary>Rows the bare read finds in a tenant with the demo imported and in an empty tenant beside it.</summary>
    private static async Task<(long Demo, long Empty)> ImportedRowsAsync(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        await new BundleImporter(new ManualClock()).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, CancellationToken.None);
        return (await BareWork.ReadTenantAsync(tenant, CancellationToken.None), await BareWork.ReadTenantAsync(store.Source.For("empty"), CancellationToken.None));
    }

    private static async Task<long> CountSchemaRowsAsync(NpgsqlConnection connection, string schema)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{schema}\".\"{table}\"", connection);
            rows += (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }
}
