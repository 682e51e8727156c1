using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Findings;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using BackOffice.Kernel.Hosting;

namespace BackOffice.Kernel.Sweeps;

/// <summary>
/// `serve`'s scheduled syncs (issue 14): each `Sync:Schedules` entry syncs one tenant's QuickBooks or Procore
/// connection when its cron is due, beside the sweeps and under the sweeps' rules: a lease per tenant and source
/// ("sync:procore" in sweep_leases) so two processes never run the same sync, and a run record in sweep_runs that the
/// next due time is computed from. A failed sync is logged, audited (sync.failed) and opened as an admin finding, which
/// the next good sync resolves; it never stops the sweeps, which read the books as of the last completed batch.
/// </summary>
public sealed partial class SyncScheduler(
    IEnumerable<IScheduledSync> syncs, TenantDataSource data, AuditStore audit, TimeProvider clock,
    IOptions<SyncScheduleOptions> options, IOptions<SchedulerOptions> scheduler, ILogger<SyncScheduler> logger) : PollingService(logger)
{
    public const string FindingAgent = "admin";

    private static readonly TimeSpan LeaseLength = TimeSpan.FromHours(2);
    private readonly Dictionary<string, IScheduledSync> _syncs = syncs.ToDictionary(s => s.Source, StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(scheduler.Value.PollSeconds);

    protected override Task TickAsync(CancellationToken stoppingToken) => RunDueAsync(stoppingToken);

    /// <summary>Runs every sync that is due now; answers how many ran. Public so tests drive it with a manual clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        foreach (var schedule in options.Value.Schedules)
        {
            var tenant = data.For(schedule.Tenant);
            if (!await DueAsync(tenant.SweepRuns, schedule, cancellationToken))
            {
                continue;
            }

            ran += await RunScheduledAsync(schedule.Tenant, schedule.Source, null, cancellationToken) ? 1 : 0;
        }

        return ran;
    }

    /// <summary>The finding a failed sync of <paramref name="source"/> opens (one per source, refreshed while it keeps failing).</summary>
    public static string FindingKey(string source) => $"admin:sync-failed:{source}";

    private async Task<bool> DueAsync(SweepRunStore runs, SyncSchedule schedule, CancellationToken cancellationToken)
    {
        var last = await runs.LastAsync(RunName(schedule.Source), cancellationToken);
        var from = last is null ? _startedAt : DateTimeOffset.Parse(last.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var cron = new CronExpression(schedule.Cron, TimeZoneInfo.Utc);
        return cron.GetNextValidTimeAfter(from) is { } next && next <= clock.GetUtcNow();
    }

    /// <summary>
    /// One scheduled sync under the lease <paramref name="holder"/> (this process when null; on PostgreSQL the Quartz job's
    /// tick, issue 18); answers whether it ran (false: another holder has it).
    /// </summary>
    public async Task<bool> RunScheduledAsync(string tenantName, string source, string? holder, CancellationToken cancellationToken)
    {
        var tenant = data.For(tenantName);
        var tick = holder;
        holder ??= _holder;
        if (!await TryTakeAsync(tenant, source, tick, holder, cancellationToken))
        {
            return false;
        }

        var runId = await tenant.SweepRuns.StartAsync(RunName(source), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "schedule", 1, tick, cancellationToken);
        long? supersededBy = null;
        try
        {
            var report = await _syncs[source].SyncAsync(tenant, cancellationToken);
            if ((supersededBy = await tenant.SweepRuns.FinishAsync(runId, 0, 0, cancellationToken)) is { } by)
            {
                // Issue 18: Quartz recovered this tick on another host while this one was cut off; that run owns it.
                await tenant.SweepRuns.SupersedeAsync(runId, by, CancellationToken.None);
                LogSuperseded(tenant.Tenant, source, runId, tick!, by);
                return true;
            }

            await RecordAsync(tenant, source, null, cancellationToken);
            LogSynced(tenant.Tenant, source, report.Mode, report.Requests);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailAsync(tenant, source, runId, ex);
        }
        finally
        {
            if (supersededBy is null)
            {
                // A superseded run's holder (the tick) is the lease of the run that took it over: not this run's to release.
                await tenant.SweepRuns.ReleaseAsync(RunName(source), holder, CancellationToken.None);
            }
        }

        return true;
    }

    /// <summary>Whether this holder may run the sync now: its tick has not succeeded elsewhere and the lease is its own.</summary>
    private async Task<bool> TryTakeAsync(TenantData tenant, string source, string? tick, string holder, CancellationToken cancellationToken)
    {
        if (tick is not null && await tenant.SweepRuns.TickSucceededAsync(RunName(source), tick, cancellationToken))
        {
            // Issue 18: a dead host finished this tick before Quartz recorded it; its recovery must not sync again.
            LogTickDone(tenant.Tenant, source, tick);
            return false;
        }

        if (!await tenant.SweepRuns.TryLeaseAsync(RunName(source), holder, LeaseLength, cancellationToken))
        {
            LogBusy(tenant.Tenant, source);
            return false;
        }

        return true;
    }

    /// <summary>A failed sync ends its run 'failed', is logged, and opens the source's admin finding.</summary>
    private async Task FailAsync(TenantData tenant, string source, long runId, Exception ex)
    {
        await tenant.SweepRuns.FailAsync(runId, ex.Message, null, CancellationToken.None);
        LogFailed(ex, tenant.Tenant, source);
        await RecordAsync(tenant, source, ex.Message, CancellationToken.None);
    }

    /// <summary>A failure opens the source's admin finding and audits it, in one unit; a success resolves the finding.</summary>
    private async Task RecordAsync(TenantData tenant, string source, string? error, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var key = FindingKey(source);
        if (error is null)
        {
            await tenant.Findings.ResolveAsync(unit, key, cancellationToken);
        }
        else
        {
            var system = source == "procore" ? "Procore" : "QuickBooks";
            await tenant.Findings.OpenAsync(unit, new FindingStore.Upsert(key, FindingAgent, "sync-failed", "Warning",
                $"The scheduled {system} sync failed", "[]",
                $"The scheduled {system} sync of {tenant.Tenant} failed: {error} The sweeps keep running on the books as of the last " +
                $"completed sync. Run `backoffice sync --tenant {tenant.Tenant} --source {source}` to see it again, or connect {system} again if it says so."),
                cancellationToken);
            await audit.AppendAsync(unit, "system:scheduler", "sync.failed", $"sync:{source}", new JsonObject { ["source"] = source, ["error"] = error }, cancellationToken);
        }

        await unit.CommitAsync(cancellationToken);
    }

    private static string RunName(string source) => "sync:" + source;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded run {RunId} of the {Source} sync of {Tenant} for {Tick}: run {By} of the same tick owns it (Quartz recovered the tick while this host was cut off)")]
    private partial void LogSuperseded(string tenant, string source, long runId, string tick, long by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped the {Source} sync of {Tenant} for {Tick}: that tick already succeeded")]
    private partial void LogTickDone(string tenant, string source, string tick);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped the {Source} sync of {Tenant}: already running in another process")]
    private partial void LogBusy(string tenant, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Tenant} from {Source} on schedule: {Mode}, {Requests} requests")]
    private partial void LogSynced(string tenant, string source, string mode, long requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled {Source} sync of {Tenant} failed")]
    private partial void LogFailed(Exception ex, string tenant, string source);
}
