using System.Collections.Concurrent;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Connectors;
using BackOffice.Store.Findings;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.Postgres;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: the scheduled sync's guard against a stale host, as <see cref="SupersededTickTests"/> covers it for sweeps.
/// A Quartz host cut off from the cluster keeps syncing a tick that another host recovered meanwhile; the recovered
/// run owns the tick, so the stale run's late result is not recorded: it neither resolves the failure the recovered
/// run opened nor audits anything, ends 'superseded' and says so in the log.
/// </summary>
public sealed class SupersededSyncTickTests
{
    private const string Tick = "quartz:acme.sync.probe@1795000000";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task RunScheduledAsync_StaleHostSucceedsAfterTheRecoveredRunFailed_FailureStaysOpenAndStaleRunDiscarded(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var sync = new BlockingSync();
        var staleLog = new LinesLogger();
        var stale = Scheduler(store.Source, sync, staleLog);
        var recovering = Scheduler(store.SecondHost(), sync, new LinesLogger());

        var staleRun = stale.RunScheduledAsync("acme", "probe", Tick, Ct);
        await sync.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        sync.FailNext = true;
        Assert.True(await recovering.RunScheduledAsync("acme", "probe", Tick, Ct));
        sync.Release.SetResult();
        Assert.True(await staleRun);

        var tenant = store.Source.For("acme");
        Assert.Equal(["superseded", "failed"], await StatusesAsync(tenant));
        Assert.Contains(await FindingStore.ListOpenAsync(tenant, SyncScheduler.FindingAgent, Ct), f => f.Id == SyncScheduler.FindingKey("probe"));
        Assert.Equal(["sync.failed"], await AuditKindsAsync(tenant));
        Assert.Contains(staleLog.Lines, l => l.StartsWith("Discarded run ", StringComparison.Ordinal)
            && l.Contains($" of the probe sync of acme for {Tick}: run ", StringComparison.Ordinal));
    }

    private static SyncScheduler Scheduler(TenantDataSource source, BlockingSync sync, LinesLogger log) =>
        new([sync], source, new AuditStore(TimeProvider.System), TimeProvider.System,
            Options.Create(new SyncScheduleOptions()), Options.Create(new SchedulerOptions()), log);

    private static async Task<List<string>> StatusesAsync(TenantData tenant)
    {
        await using var unit = await tenant.ReadAsync(Ct);
        return [.. await unit.Connection.QueryAsync<string>(
            "SELECT status FROM sweep_runs WHERE agent = 'sync:probe' ORDER BY id", transaction: unit.Transaction)];
    }

    private static async Task<List<string>> AuditKindsAsync(TenantData tenant)
    {
        await using var unit = await tenant.ReadAsync(Ct);
        return [.. (await AuditStore.ReadAllAsync(unit, Ct)).Select(e => e.Kind)];
    }

    /// <summary>The first call waits until released (the stale host, cut off mid-sync); a call after <see cref="FailNext"/> fails.</summary>
    private sealed class BlockingSync : IScheduledSync
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool FailNext;

        public string Source => "probe";

        public async Task<SyncReport> SyncAsync(TenantData tenant, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }
            else if (FailNext)
            {
                throw new HttpRequestException("the recovered run's sync failed");
            }

            return new SyncReport("changes since", new Dictionary<string, SyncCounts>(), 1, TimeSpan.Zero);
        }
    }

    private sealed class LinesLogger : ILogger<SyncScheduler>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }
}
