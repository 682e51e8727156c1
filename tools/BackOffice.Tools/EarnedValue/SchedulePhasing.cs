using System.ComponentModel;

namespace BackOffice.Tools.EarnedValue;

/// <summary>A scheduled activity: its dates, its weight (crew hours or budget) and its reported percent complete (0-100).</summary>
public sealed record PhasedActivity(DateOnly Start, DateOnly End, decimal Weight, decimal PercentComplete);

/// <summary>Planned and earned fractions (0-1) of the whole job as of a date, unrounded.</summary>
public sealed record SchedulePosition(decimal PlannedFraction, decimal EarnedFraction);

/// <summary>
/// Time-phasing for PV and EV from a schedule (issue 16): each activity is planned linearly by calendar day from its
/// start to its end (inclusive), and earns its reported percent complete; both are weighted by the activity's weight.
/// Nothing is rounded here: PV = BAC x planned and EV = BAC x earned are rounded once to the cent by the caller.
/// </summary>
public static class SchedulePhasing
{
    [Description("Planned and earned fractions of a job as of a date from its schedule: each activity planned linearly over its dates, earned at its percent complete, weighted by crew hours or budget.")]
    public static SchedulePosition Position(
        [Description("The job's scheduled activities with dates, weight and percent complete")] IReadOnlyList<PhasedActivity> activities,
        [Description("Date of the measurement (end of that day)")] DateOnly asOf)
    {
        var total = activities.Sum(a => a.Weight);
        if (total == 0m)
        {
            return new SchedulePosition(0m, 0m);
        }

        var planned = activities.Sum(a => a.Weight * PlannedFraction(a, asOf));
        var earned = activities.Sum(a => a.Weight * a.PercentComplete / 100m);
        return new SchedulePosition(planned / total, earned / total);
    }

    private static decimal PlannedFraction(PhasedActivity activity, DateOnly asOf)
    {
        var days = activity.End.DayNumber - activity.Start.DayNumber + 1;
        var elapsed = asOf.DayNumber - activity.Start.DayNumber + 1;
        return elapsed <= 0 ? 0m : elapsed >= days ? 1m : (decimal)elapsed / days;
    }
}
