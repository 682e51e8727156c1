using System.Collections.Concurrent;
using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// Issue 18: in-process `serve` hosts on one PostgreSQL database (the real composition root, Quartz's clustered store
/// on), each with a <see cref="ProbeAgent"/> on a fast cron and its "handled a tick" log lines captured.
/// </summary>
public sealed class ClusterHosts(
    PostgresDatabase database, DataDirectory data, string probeCron, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    public ConcurrentQueue<HandledTick> Ticks { get; } = new();

    public async Task<IHost> StartAsync(string label, ProbeAgent probe)
    {
        var builder = PostgresHostBuilder.For(database, data, new Dictionary<string, string?>
        {
            ["Scheduler:PollSeconds"] = "1",
            ["Scheduler:ClusterCheckinMilliseconds"] = "1000",
            ["Agents:probe:Schedule"] = probeCron,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(new TickLog(label, Ticks));
        builder.AddBackOffice(data);
        builder.Services.AddSingleton<IAgent>(probe);
        var host = builder.Build();
        // Bounded: a host that cannot start fails the test instead of hanging it.
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        _hosts.Add(host);
        await host.StartAsync(bounded.Token);
        return host;
    }

    /// <summary>Stops a host's scheduler without waiting for its jobs: they are abandoned, as by a dead process.</summary>
    /// <summary>
    /// Stops the hosts (bounded), disposes them asynchronously (a synchronous dispose of Quartz's scheduler blocks) and
    /// closes the pooled connections Quartz opened as the application role, so the database can be dropped afterwards.
    /// </summary>
    public async Task StopAsync(params IHost[] hosts)
    {
        _hosts.RemoveAll(hosts.Contains);
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(hosts.Select(h => h.StopAsync(bounded.Token)));
        foreach (var host in hosts)
        {
            // The host owns its store engine: disposing it closes the engine's pool.
            await ((IAsyncDisposable)host).DisposeAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync() => await StopAsync([.. _hosts]);

    public static async Task AbandonAsync(IHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Shutdown(waitForJobsToComplete: false);
    }

    public async Task<bool> WaitForAsync(Func<IReadOnlyList<HandledTick>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Ticks.ToList()))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return condition(Ticks.ToList());
    }

    private sealed class TickLog(string host, ConcurrentQueue<HandledTick> ticks) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // EventId 1801: ScheduledSweepJob's "handled a tick" line; 1802 ScheduledSyncJob's, as agent "sync:SOURCE" when it ran.
            if (eventId.Id is 1801 or 1802 && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                var value = values.ToDictionary(v => v.Key, v => v.Value);
                if (eventId.Id == 1802 && !(bool)value["Ran"]!)
                {
                    return;
                }

                var agent = eventId.Id == 1801 ? (string)value["Agent"]! : "sync:" + (string)value["Source"]!;
                ticks.Enqueue(new HandledTick(host, (string)value["Tenant"]!, agent, (string)value["Tick"]!, (bool)value["Recovering"]!));
            }
        }

        public void Dispose()
        {
        }
    }
}

public sealed record HandledTick(string Host, string Tenant, string Agent, string Tick, bool Recovering);

/// <summary>An agent that finds nothing; the first sweep on a held probe waits until the test lets it go.</summary>
public sealed class ProbeAgent(TaskCompletionSource? hold = null) : IAgent
{
    private int _calls;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "probe";

    public string Department => "finance";

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        if (hold is not null && Interlocked.Increment(ref _calls) == 1)
        {
            Entered.TrySetResult();
            // Deliberately deaf to the token: a dead process does not unwind either.
            await hold.Task;
        }

        return SweepResult.Empty;
    }
}
