using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Workforce;
using static BackOffice.Agents.Workforce.WorkforceFigures;

namespace BackOffice.Agents.Workforce.Reports;

/// <summary>
/// `backoffice report staffing --week D`: per trade and week from the workweek containing D, crew-hour demand from the
/// schedule against crew capacity, implied overtime, how much of it moving work avoids, crew to add (issue 7).
/// `--job J` counts only that job's tasks as demand (capacity stays the whole crew).
/// </summary>
public sealed class StaffingReport(WorkforceSettings settings) : IReport
{
    public string Name => "staffing";

    public string Description => "Staffing forecast by trade and week: demand, capacity, implied and avoidable overtime";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        // Issue 17: shared by the Workforce reports of the date, and refreshed per table after a write.
        var data = await WorkforceSnapshot.LoadAsync(request, cancellationToken);
        var startDay = settings.WorkweekStart(request.Tenant);
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var tasks = data.Tasks.Where(t => job is null || job.Is(t.JobId)).ToList();
        var forecast = StaffingTools.Forecast(
            tasks, [.. data.Employees.Values], request.AsOf, startDay, settings.ForecastWeeks(request.Tenant), settings.HoursPerCrewWeek(request.Tenant));
        var rows = forecast.Select(r => new JsonObject
        {
            ["id"] = $"{r.Trade}:{Day(r.WeekStart)}",
            ["trade"] = r.Trade,
            ["week"] = Day(r.WeekStart),
            ["crew"] = r.Subcontracted ? "sub" : r.Crew.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["demand"] = H(r.DemandHours),
            ["capacity"] = H(r.CapacityHours),
            ["overtime"] = H(r.ImpliedOvertimeHours),
            ["avoidable"] = H(r.AvoidableOvertimeHours),
            ["spare"] = H(r.SpareHours),
            ["crewToAdd"] = r.CrewToAdd,
            ["premium"] = MoneyText.Plain(r.OvertimePremium),
            ["avoidablePremium"] = MoneyText.Plain(r.AvoidablePremium),
            ["tasks"] = string.Join(" ", r.TaskIds),
        }).ToList();
        return new ReportTable(
            $"Staffing forecast from the workweek of {Day(TimecardTools.WorkweekStart(request.AsOf, startDay))} for {request.Tenant}",
            ["trade", "week", "crew", "demand", "capacity", "overtime", "avoidable", "crewToAdd", "premium", "tasks"], rows);
    }
}
