using System.Globalization;
using BackOffice.Kernel.Sweeps;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BackOffice.Kernel.Scheduling;

/// <summary>
/// One tenant's agent on its cron, as a job of Quartz's clustered store (issue 18): each tick is acquired by exactly one
/// host, a host that dies mid-sweep has the tick recovered by another (RequestRecovery), and a failure is retried with
/// the scheduler's backoff by a one-off trigger carrying the next attempt.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ScheduledSweepJob(SweepScheduler sweeps, ILogger<ScheduledSweepJob> logger) : IJob
{
    public const string Group = "sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(ClusterSchedules.TenantKey)!;
        var agent = data.GetString(ClusterSchedules.NameKey)!;
        var attempt = data.GetString(ClusterSchedules.AttemptKey) is { } a ? int.Parse(a, CultureInfo.InvariantCulture) : 1;
        var tick = ClusterTick.Of(context);
        var trigger = tick.Recovering ? "recovery" : attempt > 1 ? "retry" : "schedule";
        var retryAt = await sweeps.RunScheduledAsync(tenant, agent, attempt, trigger, tick.Holder, cancellationToken);
        LogRan(tenant, agent, tick.Holder, tick.Recovering, context.Scheduler.SchedulerInstanceId);
        if (retryAt is { } at)
        {
            var retry = TriggerBuilder.Create()
                .WithIdentity($"{context.JobDetail.Key.Name}#{attempt + 1}@{tick.ScheduledAt.ToUnixTimeSeconds()}", Group)
                .ForJob(context.JobDetail.Key)
                .UsingJobData(ClusterSchedules.AttemptKey, (attempt + 1).ToString(CultureInfo.InvariantCulture))
                .StartAt(at)
                .Build();
            await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Scheduled sweep {Tenant}/{Agent} for {Tick} handled on {Instance} (recovering: {Recovering})")]
    private partial void LogRan(string tenant, string agent, string tick, bool recovering, string instance);
}
