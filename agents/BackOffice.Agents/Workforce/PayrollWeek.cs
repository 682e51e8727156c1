using BackOffice.Domain.Workforce;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Tools.Workforce;

namespace BackOffice.Agents.Workforce;

/// <summary>One employee's checked workweek, with the records it came from.</summary>
internal sealed record EmployeeWeek(Employee Employee, PayrollCheckResult Result, IReadOnlyList<Timecard> Timecards, bool LineWeekMisaligned);

/// <summary>Runs the payroll pre-check for every employee in one workweek; shared by the agent and the payroll-check report.</summary>
internal static class PayrollWeek
{
    public static async Task<IReadOnlyList<EmployeeWeek>> CheckAsync(
        WorkforceData data, DateOnly weekStart, DayOfWeek startDay, decimal tolerance, decimal minimumWage, decimal agreedMinimumWage, CancellationToken cancellationToken)
    {
        var cards = (await data.Store.TimecardsAsync(weekStart, weekStart.AddDays(7), cancellationToken)).ToLookup(c => c.EmployeeId);
        var lines = data.PayrollLines.Where(l => TimecardTools.WorkweekStart(l.WeekStart, startDay) == weekStart).ToList();
        var employeeIds = lines.Select(l => l.EmployeeId).Concat(cards.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var results = new List<EmployeeWeek>();
        foreach (var id in employeeIds)
        {
            var employee = data.Employees[id];
            var own = cards[id].ToList();
            var line = lines.Where(l => l.EmployeeId == id).MaxBy(l => l.RunId, StringComparer.Ordinal);
            var clocked = Traced("TimecardTools.Workweek", () => TimecardTools.Workweek(own, weekStart, employee.BaseRate));
            var jobIssues = Traced("PayrollCheckTools.JobChecks", () => PayrollCheckTools.JobChecks(own, employee.Trade, data.JobStatus, data.Tasks));
            var result = Traced("PayrollCheckTools.Check", () => PayrollCheckTools.Check(employee, weekStart, clocked, line, jobIssues, tolerance, minimumWage, agreedMinimumWage));
            results.Add(new EmployeeWeek(employee, result, own, line is not null && line.WeekStart != weekStart));
        }

        return results;
    }

    public static T Traced<T>(string tool, Func<T> call)
    {
        using var activity = BackOfficeTelemetry.ToolCall(tool);
        return call();
    }
}
