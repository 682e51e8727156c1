using System.Globalization;
using Quartz;

namespace BackOffice.Kernel.Scheduling;

/// <summary>
/// The tick a clustered job runs for (issue 18): its trigger and scheduled time, the same for the first firing and
/// for Quartz's recovery of it on another host (the recovery trigger carries the original in its job data). Its
/// <see cref="Holder"/> is the sweep lease's holder, so a recovering host takes over the dead host's lease at once.
/// </summary>
public sealed record ClusterTick(string Trigger, DateTimeOffset ScheduledAt, bool Recovering)
{
    public string Holder => $"quartz:{Trigger}@{ScheduledAt.ToUnixTimeSeconds()}";

    public static ClusterTick Of(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        if (context.Recovering
            && data.GetString(SchedulerConstants.FailedJobOriginalTriggerName) is { } trigger
            && data.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } scheduled)
        {
            // Quartz writes it with Convert.ToString(DateTimeOffset, InvariantCulture): whole seconds, offset included.
            return new ClusterTick(trigger, DateTimeOffset.Parse(scheduled, CultureInfo.InvariantCulture), true);
        }

        var at = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        return new ClusterTick(context.Trigger.Key.Name, DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()), false);
    }
}
