using BackOffice.Kernel.Sweeps;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BackOffice.Kernel.Scheduling;

/// <summary>One `Sync:Schedules` entry as a job of Quartz's clustered store (issue 18), under the sync scheduler's rules.</summary>
[DisallowConcurrentExecution]
public sealed partial class ScheduledSyncJob(SyncScheduler syncs, ILogger<ScheduledSyncJob> logger) : IJob
{
    public const string Group = "sync";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var tenant = data.GetString(ClusterSchedules.TenantKey)!;
        var source = data.GetString(ClusterSchedules.NameKey)!;
        var tick = ClusterTick.Of(context);
        var ran = await syncs.RunScheduledAsync(tenant, source, tick.Holder, cancellationToken);
        LogRan(tenant, source, tick.Holder, ran, tick.Recovering, context.Scheduler.SchedulerInstanceId);
    }

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "Scheduled sync {Tenant}/{Source} for {Tick} on {Instance}: ran {Ran} (recovering: {Recovering})")]
    private partial void LogRan(string tenant, string source, string tick, bool ran, bool recovering, string instance);
}
