using System.ComponentModel;
using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tools.Labor;

/// <summary>
/// An employee's overtime and double-time hours on one job at one shift rate (null: the base rate), as of a date (issue 16),
/// in one trade worked (<paramref name="Trade"/>: the timecards' own trade, null for the employee's).
/// </summary>
public sealed record JobOvertimeHours(string JobId, string EmployeeId, decimal? Rate, decimal OvertimeHours, decimal DoubleTimeHours, string? Trade = null);

/// <summary>
/// Puts each workweek's overtime on the jobs of that week (issue 16: overtime in labor burden). The week's overtime and
/// double-time hours come from the work state's rules (OvertimeTools.SplitWeek: federal weekly, California daily and
/// seventh-day); they are spread over the week's (job, shift rate, trade worked) groups in proportion to the hours clocked on each.
/// Pro rata is this product's policy (DERIVED, no published rule picks the job an overtime hour belongs to): it does
/// not depend on which job happened to be worked last in the week. Hours stay unrounded; cost is rounded where it is
/// priced (<see cref="JobLaborBurdenTools"/>). Punches without a job or still open carry no overtime to a job.
/// </summary>
public static class OvertimeAllocationTools
{
    [Description("Overtime and double-time hours per job, employee and shift rate: each workweek's overtime under the work state's rules, spread over the week's jobs in proportion to their hours.")]
    public static IReadOnlyList<JobOvertimeHours> Allocate(
        [Description("Timecards up to the date, every employee")] IReadOnlyList<Timecard> timecards,
        [Description("Employees by id (work state and base rate)")] IReadOnlyDictionary<string, Employee> employees,
        [Description("The tenant's workweek start day, e.g. Monday")] DayOfWeek workweekStart)
    {
        var result = new Dictionary<(string Job, string Employee, decimal? Rate, string? Trade), (decimal Ot, decimal Dt)>();
        var weeks = timecards.Where(c => employees.ContainsKey(c.EmployeeId))
            .GroupBy(c => (c.EmployeeId, Week: TimecardTools.WorkweekStart(DateOnly.FromDateTime(c.ClockIn), workweekStart)));
        foreach (var week in weeks.OrderBy(w => w.Key.EmployeeId, StringComparer.Ordinal).ThenBy(w => w.Key.Week))
        {
            var employee = employees[week.Key.EmployeeId];
            var cards = week.ToList();
            var hours = TimecardTools.Workweek(cards, week.Key.Week, employee.BaseRate);
            var split = OvertimeTools.SplitWeek(hours.DailyHours, OvertimeTools.RuleFor(employee.WorkState), week.Key.Week);
            if (split.OvertimeHours + split.DoubleTimeHours == 0m)
            {
                continue;
            }

            var groups = cards.Where(c => !string.IsNullOrEmpty(c.JobId) && c.ClockOut is not null)
                .GroupBy(c => (Job: c.JobId!, c.Rate, Trade: TradeKey(c.Trade)))
                .Select(g => (g.Key, Hours: g.Sum(c => (decimal)(c.ClockOut!.Value - c.ClockIn).Ticks / TimeSpan.TicksPerHour)))
                .Where(g => g.Hours > 0m).ToList();
            var total = groups.Sum(g => g.Hours);
            foreach (var (key, groupHours) in groups)
            {
                var share = groupHours / total;
                var id = (key.Job, employee.Id, key.Rate, key.Trade);
                var sum = result.GetValueOrDefault(id);
                result[id] = (sum.Ot + split.OvertimeHours * share, sum.Dt + split.DoubleTimeHours * share);
            }
        }

        return result.Select(r => new JobOvertimeHours(r.Key.Job, r.Key.Employee, r.Key.Rate, r.Value.Ot, r.Value.Dt, r.Key.Trade)).ToList();
    }

    /// <summary>Issue 16: a timecard's trade as a grouping key, trimmed and upper case (trades match in any case); blank: none.</summary>
    private static string? TradeKey(string? trade) => string.IsNullOrWhiteSpace(trade) ? null : trade.Trim().ToUpperInvariant();
}
