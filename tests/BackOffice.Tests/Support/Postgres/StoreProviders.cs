using System.Reflection;
using BackOffice.Store.Tenancy;
using Xunit.Sdk;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// The engines a store test runs on (issue 18): SQLite always, PostgreSQL when it is reachable. When it is not,
/// <c>PostgresAvailabilityTests</c> is skipped with the reason, so a run without PostgreSQL says so.
/// </summary>
public sealed class StoreProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [StoreOptions.Sqlite];
        if (PostgresServer.Available)
        {
            yield return [StoreOptions.Postgres];
        }
    }
}

/// <summary>One tenant data source on the engine a test runs on; disposes the directory or database behind it.</summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    /// <summary>Tests run in parallel against one server (100 connections by default), so each host keeps a small pool.</summary>
    private const int MaxPoolPerHost = 10;

    private readonly TempDataDirectory _directory = new();
    private PostgresDatabase? _database;

    private StoreUnderTest()
    {
    }

    public TenantDataSource Source { get; private set; } = null!;

    public PostgresDatabase? Database => _database;

    public static async Task<StoreUnderTest> CreateAsync(string provider, TimeProvider? clock = null)
    {
        var store = new StoreUnderTest();
        clock ??= TimeProvider.System;
        if (provider == StoreOptions.Postgres)
        {
            store._database = await PostgresDatabase.CreateAsync();
            store.Source = new TenantDataSource(store._directory.Data, clock, store._database.Engine(MaxPoolPerHost));
        }
        else
        {
            store.Source = new TenantDataSource(store._directory.Data, clock);
        }

        return store;
    }

    /// <summary>A second host on the same data: its own engine and pool (PostgreSQL) or the same files (SQLite).</summary>
    public TenantDataSource SecondHost(TimeProvider? clock = null) =>
        _database is null
            ? new TenantDataSource(_directory.Data, clock ?? TimeProvider.System)
            : new TenantDataSource(_directory.Data, clock ?? TimeProvider.System, _database.Engine(MaxPoolPerHost));

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }
}
