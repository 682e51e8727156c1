using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// One trade in one week of the forecast. Hours are rounded to 0.01 h for display. <paramref name="ImpliedOvertimeHours"/>
/// is demand beyond straight-time capacity (the plan only holds if the crew works it as overtime);
/// <paramref name="AvoidableOvertimeHours"/> of it fits into the same trade's spare hours in other weeks of the horizon
/// (move the work); the rest needs <paramref name="CrewToAdd"/> more people. <paramref name="OvertimePremium"/> is the
/// half-time premium the implied overtime would cost at the crew's average base rate, to the cent.
/// </summary>
public sealed record TradeWeek(
    string Trade, DateOnly WeekStart, int Crew, decimal DemandHours, decimal CapacityHours, decimal ImpliedOvertimeHours,
    decimal SpareHours, decimal AvoidableOvertimeHours, int CrewToAdd, decimal OvertimePremium, decimal AvoidablePremium,
    IReadOnlyList<string> TaskIds)
{
    /// <summary>No one on the payroll works this trade: the work is subcontracted, so no shortfall is claimed.</summary>
    public bool Subcontracted => Crew == 0;
}

/// <summary>Staffing forecast by trade and week from the schedule and the crew (issue 7).</summary>
public static class StaffingTools
{
    [Description("Forecast, per trade and week, crew-hour demand from the schedule's remaining work against crew capacity: shortfall as implied overtime, how much of it moving work could avoid, and crew to add.")]
    public static IReadOnlyList<TradeWeek> Forecast(
        [Description("Schedule tasks with trade, dates, crew hours and percent complete")] IReadOnlyList<ScheduleTask> tasks,
        [Description("Employees; active ones are the crew of their trade")] IReadOnlyList<Employee> employees,
        [Description("Forecast date, yyyy-MM-dd: work before it is done or overdue")] DateOnly asOf,
        [Description("The tenant's workweek start day")] DayOfWeek workweekStart,
        [Description("Number of weeks to forecast, e.g. 6")] int weeks,
        [Description("Straight-time hours one crew member gives a week, e.g. 40")] decimal hoursPerCrewWeek)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var first = TimecardTools.WorkweekStart(asOf, workweekStart);
        var demand = Demand(tasks, asOf, first, weeks);
        var crew = employees.Where(e => e.Active).GroupBy(e => e.Trade, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var trades = demand.Keys.Concat(crew.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var rows = new List<TradeWeek>();
        foreach (var trade in trades)
        {
            var people = crew.GetValueOrDefault(trade) ?? [];
            var capacity = people.Count * hoursPerCrewWeek;
            var averageRate = people.Count == 0 ? 0m : people.Average(p => p.BaseRate);
            var hours = demand.GetValueOrDefault(trade) ?? new decimal[weeks];
            var taskIds = Enumerable.Range(0, weeks).Select(w => tasksByWeek(trade, w)).ToArray();
            rows.AddRange(TradeRows(trade, first, people.Count, capacity, averageRate, hoursPerCrewWeek, hours, taskIds));
        }

        return rows;

        IReadOnlyList<string> tasksByWeek(string trade, int week) =>
            tasks.Where(t => string.Equals(t.Trade, trade, StringComparison.OrdinalIgnoreCase) && t.RemainingHours > 0m &&
                             Touches(t, asOf, first.AddDays(7 * week), week == 0)).Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<TradeWeek> TradeRows(
        string trade, DateOnly first, int crew, decimal capacity, decimal averageRate, decimal hoursPerCrewWeek, decimal[] demand, IReadOnlyList<string>[] taskIds)
    {
        var spare = demand.Select(d => crew == 0 ? 0m : Math.Max(0m, capacity - d)).ToArray();
        for (var w = 0; w < demand.Length; w++)
        {
            var over = crew == 0 ? 0m : Math.Max(0m, demand[w] - capacity);
            var avoidable = 0m;
            // Move work to the nearest weeks with spare hours first: the smallest change to the plan.
            foreach (var other in Enumerable.Range(0, demand.Length).Where(o => o != w).OrderBy(o => Math.Abs(o - w)).ThenBy(o => o))
            {
                var moved = Math.Min(over - avoidable, spare[other]);
                spare[other] -= moved;
                avoidable += moved;
            }

            var unavoidable = over - avoidable;
            yield return new TradeWeek(
                trade, first.AddDays(7 * w), crew, Hours(demand[w]), capacity, Hours(over),
                Hours(crew == 0 ? 0m : Math.Max(0m, capacity - demand[w])), Hours(avoidable),
                (int)Math.Ceiling(unavoidable / hoursPerCrewWeek), MoneyMath.RoundToCent(over * averageRate / 2m),
                MoneyMath.RoundToCent(avoidable * averageRate / 2m), taskIds[w]);
        }
    }

    /// <summary>
    /// Remaining crew hours spread evenly over the task's remaining working days (Monday to Friday) from the forecast
    /// date to its end; work on a task that should already be finished is demand in the first week.
    /// </summary>
    private static Dictionary<string, decimal[]> Demand(IReadOnlyList<ScheduleTask> tasks, DateOnly asOf, DateOnly first, int weeks)
    {
        var demand = new Dictionary<string, decimal[]>(StringComparer.OrdinalIgnoreCase);
        var horizonEnd = first.AddDays(7 * weeks);
        foreach (var task in tasks.Where(t => t.RemainingHours > 0m))
        {
            var trade = task.Trade.Trim();
            if (!demand.TryGetValue(trade, out var byWeek))
            {
                demand[trade] = byWeek = new decimal[weeks];
            }

            var from = task.Start > asOf ? task.Start : asOf;
            var days = WorkingDays(from, task.End).ToList();
            if (days.Count == 0)
            {
                byWeek[0] += task.RemainingHours;
                continue;
            }

            var perDay = task.RemainingHours / days.Count;
            foreach (var day in days.Where(d => d >= first && d < horizonEnd))
            {
                byWeek[(day.DayNumber - first.DayNumber) / 7] += perDay;
            }
        }

        return demand;
    }

    private static bool Touches(ScheduleTask task, DateOnly asOf, DateOnly weekStart, bool firstWeek)
    {
        var from = task.Start > asOf ? task.Start : asOf;
        var days = WorkingDays(from, task.End).ToList();
        return days.Count == 0 ? firstWeek : days.Any(d => d >= weekStart && d < weekStart.AddDays(7));
    }

    private static IEnumerable<DateOnly> WorkingDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return d;
            }
        }
    }

    private static decimal Hours(decimal hours) => Math.Round(hours, 2, MidpointRounding.AwayFromZero);
}
