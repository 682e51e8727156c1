using System.Collections.Concurrent;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Dapper;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: a Quartz host cut off from the cluster keeps sweeping a tick that another host has recovered meanwhile (both
/// hold the tick's lease: its holder is the tick). The run that owns the tick (the later one, or one that already
/// succeeded) is the only one recorded; the stale run records nothing, ends 'superseded' and says so in the log.
/// </summary>
public sealed class SupersededTickTests
{
    private const string Tick = "quartz:acme.probe@1795000000";
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task RunAsync_StaleHostFinishesAfterTheRecoveredRun_StaleRunDiscardedAndLogged(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new ProbeAgent(hold);
        var staleLog = new LinesLogger();
        var stale = Runner(store.Source, probe, staleLog);
        var recovering = Runner(store.SecondHost(), probe, new LinesLogger());

        var staleRun = stale.RunAsync("acme", "probe", AsOf, "schedule", 1, SweepMode.Full, Tick, new Progress<string>(), Ct);
        await probe.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var recovered = await recovering.RunAsync("acme", "probe", AsOf, "recovery", 1, SweepMode.Full, Tick, new Progress<string>(), Ct);
        hold.SetResult();
        var discarded = await Assert.ThrowsAsync<SweepSupersededException>(() => staleRun);

        Assert.Equal(recovered.RunId, discarded.By);
        Assert.Equal([("schedule", "superseded"), ("recovery", "succeeded")], await RunsAsync(store.Source));
        Assert.Equal([$"sweep:{recovered.RunId}"], await CompletedSweepsAsync(store.Source));
        Assert.Contains(staleLog.Lines, l => l.StartsWith($"Discarded run {discarded.RunId} of acme/probe for {Tick}", StringComparison.Ordinal));
    }

    [Theory]
    [StoreProviders]
    public async Task RunAsync_TickAlreadySucceeded_SecondRunDiscarded(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var probe = new ProbeAgent();
        var first = await Runner(store.Source, probe, new LinesLogger())
            .RunAsync("acme", "probe", AsOf, "schedule", 1, SweepMode.Full, Tick, new Progress<string>(), Ct);

        // The recovering host checked the tick before the first run succeeded, so it sweeps it once more.
        var again = Runner(store.SecondHost(), probe, new LinesLogger())
            .RunAsync("acme", "probe", AsOf, "recovery", 1, SweepMode.Full, Tick, new Progress<string>(), Ct);
        var discarded = await Assert.ThrowsAsync<SweepSupersededException>(() => again);

        Assert.Equal(first.RunId, discarded.By);
        Assert.Equal([("schedule", "succeeded"), ("recovery", "superseded")], await RunsAsync(store.Source));
        Assert.Equal([$"sweep:{first.RunId}"], await CompletedSweepsAsync(store.Source));
    }

    [Theory]
    [StoreProviders]
    public async Task RunAsync_NoTick_RunsAreNeverSuperseded(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var runner = Runner(store.Source, new ProbeAgent(), new LinesLogger());

        await runner.RunAsync("acme", "probe", AsOf, "manual", 1, new Progress<string>(), Ct);
        await runner.RunAsync("acme", "probe", AsOf, "manual", 1, new Progress<string>(), Ct);

        Assert.Equal([("manual", "succeeded"), ("manual", "succeeded")], await RunsAsync(store.Source));
    }

    private static SweepRunner Runner(TenantDataSource source, ProbeAgent probe, LinesLogger log) =>
        SweepRunners.Offline([probe], new NoIntake(), new AuditStore(TimeProvider.System), source, TimeProvider.System, logger: log);

    private static async Task<List<(string Trigger, string Status)>> RunsAsync(TenantDataSource source)
    {
        await using var unit = await source.For("acme").ReadAsync(Ct);
        return [.. await unit.Connection.QueryAsync<(string, string)>(
            "SELECT trigger, status FROM sweep_runs WHERE agent = 'probe' ORDER BY id", transaction: unit.Transaction)];
    }

    private static async Task<List<string>> CompletedSweepsAsync(TenantDataSource source)
    {
        await using var unit = await source.For("acme").ReadAsync(Ct);
        return [.. (await AuditStore.ReadAllAsync(unit, Ct)).Where(e => e.Kind == "sweep.completed").Select(e => e.Subject)];
    }

    private sealed class NoIntake : IProposalIntake
    {
        public Task<IntakeResult> SubmitAsync(TenantData tenant, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken) =>
            Task.FromResult(new IntakeResult(0, drafts.Count));
    }

    /// <summary>The runner's log lines, formatted.</summary>
    private sealed class LinesLogger : ILogger<SweepRunner>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }
}
