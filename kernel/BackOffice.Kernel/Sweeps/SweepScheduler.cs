using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using BackOffice.Kernel.Hosting;

namespace BackOffice.Kernel.Sweeps;

/// <summary>
/// `backoffice serve`: runs each agent's sweep for every tenant when its cron schedule is due, one at a time per
/// tenant and agent. A failed sweep is retried with exponential backoff, and every failure is logged and audited:
/// never silently skipped (issue 2).
/// </summary>
public sealed partial class SweepScheduler(
    SweepRunner runner, TenantRegistry tenants, TenantDataSource data, AuditStore audit, TimeProvider clock,
    IOptions<SchedulerOptions> options, IOptions<AgentsOptions> agents, ILogger<SweepScheduler> logger) : PollingService(logger)
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(runner.Agents.Count, options.Value.PollSeconds);
        return base.StartAsync(cancellationToken);
    }

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task TickAsync(CancellationToken stoppingToken) => RunDueAsync(stoppingToken);

    /// <summary>Runs every sweep that is due now. Public so tests can drive the schedule with a manual clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            foreach (var agent in runner.Agents)
            {
                var runs = data.For(tenant.Id).SweepRuns;
                if (await DueAsync(tenant.Id, agent.Name, runs, cancellationToken) is not { } due)
                {
                    continue;
                }

                ran++;
                await RunScheduledAsync(tenant.Id, agent.Name, due.Attempt, due.Trigger, null, cancellationToken);
            }
        }

        return ran;
    }

    private async Task<(int Attempt, string Trigger)?> DueAsync(string tenant, string agent, SweepRunStore runs, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var last = await runs.LastAsync(agent, cancellationToken);
        if (last is { Status: "failed", NextRetryAt: { } retryAt })
        {
            return now >= Parse(retryAt) ? (last.Attempt + 1, "retry") : null;
        }

        if (agents.Value.ScheduleFor(tenant, agent) is not { } schedule)
        {
            return null;
        }

        var cron = new CronExpression(schedule, TimeZoneInfo.Utc);
        var from = last is null ? _startedAt : Parse(last.StartedAt);
        return cron.GetNextValidTimeAfter(from) is { } next && next <= now ? (1, "schedule") : null;
    }

    /// <summary>
    /// One scheduled sweep under the scheduler's failure rules (logged, audited, a retry time in sweep_runs); answers the
    /// retry time, or null when it ran, was busy or used up its attempts. `serve`'s own loop and, on PostgreSQL, the
    /// Quartz job (issue 18, with the tick as <paramref name="holder"/> of the lease) both run sweeps through this.
    /// </summary>
    public async Task<DateTimeOffset?> RunScheduledAsync(string tenant, string agent, int attempt, string trigger, string? holder, CancellationToken cancellationToken)
    {
        var runs = data.For(tenant).SweepRuns;
        if (holder is not null && await runs.TickSucceededAsync(agent, holder, cancellationToken))
        {
            // Issue 18: a dead host finished this tick before Quartz recorded it; its recovery must not sweep again.
            LogTickDone(tenant, agent, holder);
            return null;
        }

        try
        {
            // Issue 17: books pinned to a sample's date (the demo) are swept as of it, not today.
            var asOf = await data.For(tenant).BooksDate.DefaultAsOfAsync(cancellationToken);
            var progress = new Progress<string>();
            await (holder is null
                ? runner.RunAsync(tenant, agent, asOf, trigger, attempt, SweepMode.Incremental, progress, cancellationToken)
                : runner.RunAsync(tenant, agent, asOf, trigger, attempt, SweepMode.Incremental, holder, progress, cancellationToken));
            return null;
        }
        catch (SweepBusyException)
        {
            LogBusy(tenant, agent);
            return null;
        }
        catch (SweepSupersededException)
        {
            // Issue 18: the run that took the tick over records it; the runner logged this one as discarded. No retry.
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var giveUp = attempt >= options.Value.MaxAttempts;
            DateTimeOffset? retryAt = giveUp ? null : clock.GetUtcNow().AddSeconds(options.Value.FirstRetrySeconds * Math.Pow(2, attempt - 1));
            if ((await runs.LastAsync(agent, cancellationToken)) is { } failed)
            {
                await runs.SetNextRetryAsync(failed.Id, retryAt, cancellationToken);
            }

            LogFailed(ex, tenant, agent, attempt, retryAt?.ToString("O", CultureInfo.InvariantCulture) ?? "not retried: attempts used up");
            await AuditFailureAsync(tenant, agent, attempt, ex.Message, retryAt, cancellationToken);
            return retryAt;
        }
    }

    private async Task AuditFailureAsync(string tenant, string agent, int attempt, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await audit.AppendAloneAsync(data.For(tenant), "system:scheduler", "sweep.failed", $"agent:{agent}", new JsonObject
        {
            ["attempt"] = attempt,
            ["error"] = error,
            ["nextRetryAt"] = retryAt?.ToString("O", CultureInfo.InvariantCulture),
            ["gaveUp"] = retryAt is null,
        }, cancellationToken);
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started: {Agents} agents, polling every {PollSeconds}s")]
    private partial void LogStarted(int agents, int pollSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Tenant}/{Agent} for {Tick}: that tick already succeeded")]
    private partial void LogTickDone(string tenant, string agent, string tick);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Tenant}/{Agent}: already running in another process")]
    private partial void LogBusy(string tenant, string agent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Tenant}/{Agent} failed on attempt {Attempt}; next retry: {RetryAt}")]
    private partial void LogFailed(Exception ex, string tenant, string agent, int attempt, string retryAt);
}
