using System.ComponentModel;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Workforce;

/// <summary>Which overtime law applies: the federal FLSA weekly rule, or California's daily, weekly and seventh-day rules.</summary>
public enum OvertimeRule
{
    Federal,
    California,
}

/// <summary>One day of the workweek with its hours split into straight time, overtime (1.5x) and double time (2x).</summary>
public sealed record DaySplit(DateOnly Date, decimal Hours, decimal Regular, decimal Overtime, decimal DoubleTime);

/// <summary>A workweek's hours by pay class under <paramref name="Rule"/>; each hour is in exactly one class (no pyramiding).</summary>
public sealed record OvertimeSplit(
    OvertimeRule Rule, decimal RegularHours, decimal OvertimeHours, decimal DoubleTimeHours, bool SeventhDay, IReadOnlyList<DaySplit> Days)
{
    public decimal TotalHours => RegularHours + OvertimeHours + DoubleTimeHours;
}

/// <summary>
/// Splits a workweek's hours by the overtime rules of the work state (issue 7). Federal: over 40 in the workweek at
/// 1.5x (29 CFR 778.101). California (Labor Code §510(a)): over 8 in a workday at 1.5x, over 12 at 2x; on the seventh
/// consecutive day of work in the workweek the first 8 hours at 1.5x and beyond 8 at 2x; over 40 in the week at 1.5x,
/// where the 40 counts only hours not already paid as daily overtime. Other states get the federal rule (their own
/// daily rules, e.g. Alaska or Nevada, are not modelled).
/// </summary>
[ToolAccess(ToolAccess.Read)]
public static class OvertimeTools
{
    private const decimal WeeklyLimit = 40m;
    private const decimal DailyLimit = 8m;
    private const decimal DoubleTimeAfter = 12m;

    [Description("The overtime rule for a two-letter work state: California for CA, the federal FLSA rule otherwise.")]
    public static OvertimeRule RuleFor([Description("Two-letter state where the work is done, e.g. CA or TX")] string workState) =>
        string.Equals(workState.Trim(), "CA", StringComparison.OrdinalIgnoreCase) ? OvertimeRule.California : OvertimeRule.Federal;

    [Description("Split one workweek's hours into regular, overtime (1.5x) and double-time (2x) hours under the given rule, without counting any hour twice.")]
    public static OvertimeSplit SplitWeek(
        [Description("Hours worked on each of the 7 days of the workweek, first day first, e.g. [9,9,9,9,9,5,0]")] IReadOnlyList<decimal> dailyHours,
        [Description("Federal or California")] OvertimeRule rule,
        [Description("First day of the workweek, yyyy-MM-dd")] DateOnly weekStart)
    {
        if (dailyHours.Count != 7)
        {
            throw new ArgumentException($"A workweek has 7 days; got {dailyHours.Count}.", nameof(dailyHours));
        }

        if (dailyHours.Any(h => h < 0m || h > 24m))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyHours), "Daily hours must be between 0 and 24.");
        }

        var days = rule == OvertimeRule.California ? California(dailyHours, weekStart) : Federal(dailyHours, weekStart);
        var seventh = rule == OvertimeRule.California && dailyHours.All(h => h > 0m);
        return new OvertimeSplit(rule, days.Sum(d => d.Regular), days.Sum(d => d.Overtime), days.Sum(d => d.DoubleTime), seventh, days);
    }

    /// <summary>Hours past the 40th in the week, counted in day order, are overtime (the last days carry it).</summary>
    private static List<DaySplit> Federal(IReadOnlyList<decimal> hours, DateOnly weekStart)
    {
        var days = new List<DaySplit>(7);
        var running = 0m;
        for (var i = 0; i < 7; i++)
        {
            var regular = Math.Min(hours[i], Math.Max(0m, WeeklyLimit - running));
            running += hours[i];
            days.Add(new DaySplit(weekStart.AddDays(i), hours[i], regular, hours[i] - regular, 0m));
        }

        return days;
    }

    /// <summary>
    /// Daily classes first; then the weekly rule converts straight-time hours past the 40th straight-time hour to
    /// overtime. Daily overtime hours never count toward the 40, so no hour is paid a premium twice. The seventh-day
    /// rule applies only when the employee worked all seven days of the workweek (Labor Code §510(a), "seventh day").
    /// </summary>
    private static List<DaySplit> California(IReadOnlyList<decimal> hours, DateOnly weekStart)
    {
        var seventh = hours.All(h => h > 0m);
        var days = new List<DaySplit>(7);
        var straightSoFar = 0m;
        for (var i = 0; i < 7; i++)
        {
            var h = hours[i];
            decimal regular, overtime, doubleTime;
            if (i == 6 && seventh)
            {
                (regular, overtime, doubleTime) = (0m, Math.Min(h, DailyLimit), Math.Max(0m, h - DailyLimit));
            }
            else
            {
                regular = Math.Min(h, DailyLimit);
                overtime = Math.Min(Math.Max(0m, h - DailyLimit), DoubleTimeAfter - DailyLimit);
                doubleTime = Math.Max(0m, h - DoubleTimeAfter);
            }

            var weeklyExcess = Math.Max(0m, regular - Math.Max(0m, WeeklyLimit - straightSoFar));
            straightSoFar += regular;
            days.Add(new DaySplit(weekStart.AddDays(i), h, regular - weeklyExcess, overtime + weeklyExcess, doubleTime));
        }

        return days;
    }
}
