using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.EarnedValue;

/// <summary>
/// A job's scheduled activities with their weights, and what PV = value x planned fraction is measured against:
/// <see cref="Basis"/> is the BAC when weighted by crew hours, and the scheduled budget when weighted by budget.
/// </summary>
public sealed record WeightedSchedule(IReadOnlyList<PhasedActivity> Activities, string Weighting, decimal? Basis);

/// <summary>
/// How a job's schedule tasks are weighted for earned value (issues 16 and 14). The bundle's schedule carries crew
/// hours: tasks weigh their crew hours, and PV and EV are fractions of the BAC. A schedule read from Procore carries
/// none, so its tasks are weighted by budget instead: each task mapped to a cost code (a DERIVED mapping, see
/// ProcoreScheduleRows.CostCode) takes that cost code's revised budget in proportion to its calendar days among the
/// code's tasks, and PV and EV are amounts of the budget the schedule covers (cost codes with no task plan nothing).
/// </summary>
public static class ScheduleWeights
{
    public const string CrewHours = "crew hours", Budget = "budget by cost code";

    [Description("Weights a job's schedule tasks for earned value: by crew hours where the schedule has them, else by the revised budget of each task's cost code spread over that code's tasks by calendar days.")]
    public static WeightedSchedule Weigh(
        [Description("The job's schedule tasks")] IReadOnlyList<ScheduleTask> tasks,
        [Description("The job's revised budget by cost code, in dollars")] IReadOnlyDictionary<string, decimal> budgetByCode)
    {
        if (tasks.Any(t => t.CrewHours > 0m))
        {
            return new WeightedSchedule([.. tasks.Select(t => Activity(t, t.CrewHours))], CrewHours, null);
        }

        var daysByCode = tasks.Where(t => t.CostCode is not null).GroupBy(t => t.CostCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(Days), StringComparer.Ordinal);
        var activities = tasks.Select(t => Activity(t, t.CostCode is { } code && budgetByCode.TryGetValue(code, out var budget)
            ? budget * Days(t) / daysByCode[code]
            : 0m)).ToList();
        var scheduled = daysByCode.Keys.Sum(code => budgetByCode.GetValueOrDefault(code));
        return new WeightedSchedule(activities, Budget, scheduled);
    }

    /// <summary>Issue 14: value is planned by the task's baseline where it has one (PV measures against the plan), else its current dates.</summary>
    private static PhasedActivity Activity(ScheduleTask task, decimal weight) => new(task.Planned.Start, task.Planned.End, weight, task.PercentComplete);

    private static decimal Days(ScheduleTask task) => Math.Max(1, task.Planned.End.DayNumber - task.Planned.Start.DayNumber + 1);
}
