using BackOffice.Host.Composition;
using BackOffice.Store.Tenancy;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// Issue 18: real `serve` processes on one PostgreSQL database and one data folder (as hosts sharing a volume), each
/// with its own model endpoint path (http://.../LABEL/v1) so the loopback model can tell which host asked. The
/// test's own services (<see cref="Services"/>, built on the same database, never started) seed tenants, users and
/// the gate's switches; <see cref="RunsAsync"/> reads the runs back from the database.
/// </summary>
public sealed class ServeCluster : IAsyncDisposable
{
    private static readonly string[] Unscheduled = ["collections", "documents", "workforce", "pricebook"];

    private readonly PostgresDatabase _database;
    private readonly DataDirectory _data;
    private readonly string _modelBase;
    private readonly string _financialCron;
    private readonly IHost _setup;
    private readonly List<ServeProcess> _processes = [];

    public ServeCluster(PostgresDatabase database, DataDirectory data, string modelBase, string financialCron)
    {
        (_database, _data, _modelBase, _financialCron) = (database, data, modelBase, financialCron);
        var builder = PostgresHostBuilder.For(database, data, new Dictionary<string, string?> { ["Store:PostgresMaxPoolSize"] = "6" });
        builder.AddBackOffice(data);
        _setup = builder.Build();
    }

    public IServiceProvider Services => _setup.Services;

    public T Get<T>()
        where T : notnull => _setup.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts `serve` LABEL, with <paramref name="extra"/> settings over the cluster's (e.g. a pause point, issue 18); a
    /// start that takes longer than three minutes (a very loaded machine) fails the test.
    /// </summary>
    public async Task<ServeProcess> StartAsync(string label, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = Environment(label);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var serve = await ServeProcess.StartAsync(label, settings, TimeSpan.FromMinutes(3));
        _processes.Add(serve);
        return serve;
    }

    /// <summary>Each run of the agent on the tenant: trigger, status and the clustered tick it ran for.</summary>
    public async Task<IReadOnlyList<TickRun>> RunsAsync(string tenant, string agent)
    {
        await using var connection = await _database.OpenAsync(owner: true);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('backoffice.tenant_id', @tenant, true)", new { tenant }, transaction);
        return [.. await connection.QueryAsync<TickRun>(
            "SELECT trigger AS Trigger, status AS Status, tick AS Tick, error AS Error FROM tenant.sweep_runs WHERE agent = @agent ORDER BY id",
            new { agent }, transaction)];
    }

    /// <summary>How many audit events of this kind the tenant's chain holds for the subject.</summary>
    public async Task<int> EventsAsync(string tenant, string kind, string subject)
    {
        await using var connection = await _database.OpenAsync(owner: true);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('backoffice.tenant_id', @tenant, true)", new { tenant }, transaction);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM tenant.audit_events WHERE kind = @kind AND subject = @subject", new { kind, subject }, transaction);
    }

    public string Tails() => string.Join("\n", _processes.Select(p => p.Tail()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await ((IAsyncDisposable)_setup).DisposeAsync();

        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private Dictionary<string, string> Environment(string label)
    {
        // Small pools (the test server's 100 connections are shared by the parallel tests): the engine's and Quartz's.
        var app = new Npgsql.NpgsqlConnectionStringBuilder(_database.Options.PostgresConnectionString) { MaxPoolSize = 6 }.ConnectionString;
        var settings = new Dictionary<string, string>
        {
            ["BACKOFFICE_DATA"] = _data.Root,
            ["BACKOFFICE_Store__Provider"] = StoreOptions.Postgres,
            ["BACKOFFICE_Store__PostgresConnectionString"] = app,
            ["BACKOFFICE_Store__PostgresOwnerConnectionString"] = _database.Options.PostgresOwnerConnectionString!,
            ["BACKOFFICE_Store__PostgresMaxPoolSize"] = "6",
            ["BACKOFFICE_Store__PostgresPoolWaitSeconds"] = "120",
            ["BACKOFFICE_Store__PostgresWriteQueueSeconds"] = "120",
            ["BACKOFFICE_Scheduler__PollSeconds"] = "1",
            ["BACKOFFICE_Scheduler__ClusterCheckinMilliseconds"] = "1000",
            ["BACKOFFICE_Agents__financial__Schedule"] = _financialCron,
            ["BACKOFFICE_Model__Endpoint"] = $"{_modelBase}/{label}/v1",
            ["BACKOFFICE_Model__Model"] = "loopback-model",
            ["BACKOFFICE_Model__MaxRetries"] = "0",
            // Long enough that the held request is still open when the test kills the host.
            ["BACKOFFICE_Model__TimeoutSeconds"] = "600",
            ["BACKOFFICE_Logging__LogLevel__Default"] = "Warning",
            ["BACKOFFICE_Logging__LogLevel__BackOffice.Kernel.Scheduling"] = "Information",
        };
        foreach (var agent in Unscheduled)
        {
            // A cron that never fires within the test: only Financial's ticks are counted.
            settings[$"BACKOFFICE_Agents__{agent}__Schedule"] = "0 0 0 1 1 ? 2099";
        }

        return settings;
    }
}

public sealed record TickRun(string Trigger, string Status, string? Tick, string? Error);
