using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.EarnedValue;

/// <summary>A task's slip from its baseline in calendar days: positive is later than the baseline, negative earlier (issue 14).</summary>
public sealed record TaskSlip(int StartDays, int FinishDays);

/// <summary>How far a schedule task's current dates moved from its baseline (issue 14: Procore's baseline_start / baseline_finish).</summary>
public static class ScheduleSlip
{
    [Description("Calendar days a schedule task's current start and finish lie after its baseline start and finish (negative when earlier); null when the task has no baseline.")]
    public static TaskSlip? Of([Description("The schedule task, with its baseline dates")] ScheduleTask task) =>
        task.HasBaseline
            ? new TaskSlip(task.Start.DayNumber - task.BaselineStart!.Value.DayNumber, task.End.DayNumber - task.BaselineEnd!.Value.DayNumber)
            : null;
}
