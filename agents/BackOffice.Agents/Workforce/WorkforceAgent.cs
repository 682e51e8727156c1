using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Tools.Workforce;

namespace BackOffice.Agents.Workforce;

/// <summary>
/// Checks payroll before it runs and sees understaffing before the week happens (issue 7). The pre-check covers the
/// workweeks of the latest payroll run on or before the sweep date; the forecast covers the coming weeks.
/// </summary>
public sealed class WorkforceAgent(WorkforceSettings settings) : IAgent
{
    public WorkforceAgent()
        : this(WorkforceSettings.Default)
    {
    }

    public string Name => "workforce";

    public string Department => "payroll";

    /// <summary>Issue 18: its loads read timecards, payroll and the schedule: no bill lines (only Financial's loads read ledger_bill_lines).</summary>
    public IReadOnlySet<string> TablesNotRead { get; } = AgentTables.Of("ledger_bill_lines");

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        // Issue 18: at a later date with the same inputs, the payroll check's findings may stand (see WorkforceAsOfMove).
        if (await WorkforceAsOfMove.TryAsync(this, context, settings, cancellationToken) is { } moved)
        {
            return moved;
        }

        var data = await WorkforceData.LoadAsync(context.Data, cancellationToken);
        var startDay = settings.WorkweekStart(context.Tenant);
        var results = new List<CheckResult>();
        var weeks = data.LatestRunWeeks(context.AsOf, startDay);
        context.Progress.Report($"workforce: {data.Employees.Count} employees, {weeks.Count} payroll week(s), {data.Tasks.Count} schedule tasks");
        foreach (var week in weeks)
        {
            foreach (var checkedWeek in await PayrollWeek.CheckAsync(data, week, startDay, settings.HoursTolerance(context.Tenant), settings.MinimumWage(context.Tenant), settings.AgreedPieceRateMinimumWage(context.Tenant), cancellationToken))
            {
                results.Add(PayrollPreCheck.Run(checkedWeek));
            }
        }

        var forecast = PayrollWeek.Traced("StaffingTools.Forecast", () => StaffingTools.Forecast(
            data.Tasks, [.. data.Employees.Values], context.AsOf, startDay, settings.ForecastWeeks(context.Tenant), settings.HoursPerCrewWeek(context.Tenant)));
        results.Add(StaffingCheck.Run(forecast));
        // Issue 12: each check returns what it found; the sweep concatenates them in the order they ran.
        return CheckResult.Combine(results).ToSweepResult();
    }
}
