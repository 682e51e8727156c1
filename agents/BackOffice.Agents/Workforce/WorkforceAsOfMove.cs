using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Tools.Workforce;

namespace BackOffice.Agents.Workforce;

/// <summary>
/// Issue 18: Workforce at a later as-of date with the same inputs (<see cref="SweepContext.Moved"/>). What each check
/// reads and how the date enters it:
/// - payroll pre-check: payroll lines, the timecards of the checked weeks, employees, jobs' status and schedule tasks.
///   The date only picks the weeks: those of the latest payroll run whose line's week starts on or before it
///   (<see cref="WorkforceData.LatestRunWeeks"/>). Nothing in a week's check depends on the date, so when no change the
///   agent reads was journaled since and the latest run's weeks are the same at both dates, its findings stand; a run
///   that entered between the dates (a line whose week starts in (D0, D1]) changes the weeks: recompute fully.
/// - staffing: schedule tasks and employees. Every task in progress spreads its remaining hours over the working days
///   from the date, so demand changes on any move across a working day: always recomputed, from those two small
///   tables (no timecards, no jobs).
/// Any journaled change Workforce reads (a timecard, a payroll line, an employee, a task, a job) recomputes fully; an
/// earlier date, `--full` or a changed input never gets here (the runner gives no move).
/// </summary>
internal static class WorkforceAsOfMove
{
    /// <summary>The sweep at the new date when the payroll check's findings can stand; null: recompute fully.</summary>
    public static async Task<SweepResult?> TryAsync(IAgent agent, SweepContext context, WorkforceSettings settings, CancellationToken cancellationToken)
    {
        if (AsOfMoves.WithNothingRead(agent, context) is not { } moved)
        {
            return null;
        }

        var store = context.Data.Workforce;
        var lines = await store.PayrollLinesAsync(cancellationToken);
        var startDay = settings.WorkweekStart(context.Tenant);
        var weeks = WorkforceData.LatestRunWeeks(lines, context.AsOf, startDay);
        if (!weeks.SequenceEqual(WorkforceData.LatestRunWeeks(lines, moved.PreviousAsOf, startDay)))
        {
            context.Progress.Report($"workforce: a payroll run entered between {WorkforceFigures.Day(moved.PreviousAsOf)} and {WorkforceFigures.Day(context.AsOf)}; recomputing every check");
            return null;
        }

        var employees = await store.EmployeesAsync(cancellationToken);
        var tasks = await store.ScheduleTasksAsync(cancellationToken);
        var forecast = PayrollWeek.Traced("StaffingTools.Forecast", () => StaffingTools.Forecast(
            tasks, employees, context.AsOf, startDay, settings.ForecastWeeks(context.Tenant), settings.HoursPerCrewWeek(context.Tenant)));
        var kept = (await StoredFindings.OpenAsync(context.Data, agent.Name, cancellationToken)).Where(f => f.Check == PayrollPreCheck.Check).ToList();
        context.Progress.Report(
            $"workforce: {employees.Count} employees, {weeks.Count} payroll week(s), {tasks.Count} schedule tasks " +
            $"(moved from {WorkforceFigures.Day(moved.PreviousAsOf)}: the same payroll weeks, {kept.Count} payroll findings kept, no timecards read; staffing recomputed)");
        return StaffingCheck.Run(forecast).ToSweepResult() with { Kept = kept, PerKey = true, PerKeyChecks = [PayrollPreCheck.Check] };
    }
}
