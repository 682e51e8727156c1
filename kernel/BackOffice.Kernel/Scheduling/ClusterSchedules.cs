using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BackOffice.Kernel.Scheduling;

/// <summary>
/// Keeps Quartz's clustered store in step with the configuration and the tenant registry (issue 18): one durable,
/// recoverable job with a UTC cron trigger per tenant and scheduled agent (group "sweep") and per `Sync:Schedules`
/// entry (group "sync"); a changed cron replaces its trigger, a job no longer wanted is deleted. It runs as a Quartz
/// job itself every `Scheduler:PollSeconds`, so one host of the cluster does it per round and new tenants get theirs.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ClusterSchedules(
    SweepRunner runner, TenantRegistry tenants, IOptions<AgentsOptions> agents, IOptions<SyncScheduleOptions> syncs,
    ILogger<ClusterSchedules> logger) : IJob
{
    public const string TenantKey = "tenant";

    public const string NameKey = "name";

    public const string AttemptKey = "attempt";

    public static readonly JobKey Key = new("schedules", "backoffice");

    private sealed record Wanted(Type Job, string Cron, string Tenant, string Name);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var wanted = await WantedAsync(cancellationToken);
        foreach (var group in new[] { ScheduledSweepJob.Group, ScheduledSyncJob.Group })
        {
            foreach (var key in await context.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken))
            {
                if (!wanted.ContainsKey(key))
                {
                    await context.Scheduler.DeleteJob(key, cancellationToken);
                    LogRemoved(key.ToString());
                }
            }
        }

        foreach (var (key, job) in wanted)
        {
            await EnsureAsync(context.Scheduler, key, job, cancellationToken);
        }
    }

    private async Task<Dictionary<JobKey, Wanted>> WantedAsync(CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<JobKey, Wanted>();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            foreach (var agent in runner.Agents)
            {
                if (agents.Value.ScheduleFor(tenant.Id, agent.Name) is { } cron)
                {
                    wanted[new JobKey($"{tenant.Id}/{agent.Name}", ScheduledSweepJob.Group)] = new(typeof(ScheduledSweepJob), cron, tenant.Id, agent.Name);
                }
            }
        }

        foreach (var sync in syncs.Value.Schedules)
        {
            wanted[new JobKey($"{sync.Tenant}/{sync.Source}", ScheduledSyncJob.Group)] = new(typeof(ScheduledSyncJob), sync.Cron, sync.Tenant, sync.Source);
        }

        return wanted;
    }

    private async Task EnsureAsync(IScheduler scheduler, JobKey key, Wanted wanted, CancellationToken cancellationToken)
    {
        var triggerKey = new TriggerKey(key.Name, key.Group);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger current && current.CronExpressionString == wanted.Cron)
        {
            return;
        }

        var job = JobBuilder.Create().OfType(wanted.Job).WithIdentity(key).StoreDurably().RequestRecovery()
            .UsingJobData(TenantKey, wanted.Tenant).UsingJobData(NameKey, wanted.Name).Build();
        // A tick missed while every host was down runs once when one comes back, as serve's own loop did.
        var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(key)
            .WithSchedule(CronScheduleBuilder.Create(wanted.Cron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        LogScheduled(key.ToString(), wanted.Cron);
    }

    [LoggerMessage(EventId = 1803, Level = LogLevel.Information, Message = "Clustered schedule {Job}: cron {Cron}")]
    private partial void LogScheduled(string job, string cron);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Information, Message = "Clustered schedule {Job} removed: no longer configured")]
    private partial void LogRemoved(string job);
}
