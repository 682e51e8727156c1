using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Workforce;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.EarnedValue;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report schedule-variance [--job J]` (issue 14): per schedule task, its baseline and current start and
/// finish and the slip between them in calendar days (positive = late), the baseline being the one Procore's schedule
/// carries (baseline_start / baseline_finish). A task without a baseline shows its current dates and no slip; earned
/// value plans such a task by its current dates.
/// </summary>
public sealed class ScheduleVarianceReport : IReport
{
    public string Name => "schedule-variance";

    public string Description => "Schedule tasks: baseline and current start and finish, and the slip from the baseline in days";

    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var job = await ReportCells.JobIdAsync(request, cancellationToken);
        var jobs = (await request.Data.Project.JobsAsync(cancellationToken)).ToDictionary(j => j.Id, j => j.Name, StringComparer.Ordinal);
        var tasks = (await request.Data.Workforce.ScheduleTasksAsync(cancellationToken))
            .Where(t => job is null || t.JobId == job)
            .OrderBy(t => jobs.GetValueOrDefault(t.JobId) ?? t.JobId, StringComparer.Ordinal).ThenBy(t => t.Start).ThenBy(t => t.Id, StringComparer.Ordinal);
        var rows = tasks.Select(t => Row(t, jobs.GetValueOrDefault(t.JobId) ?? t.JobId)).ToList();
        return new ReportTable(ReportCells.Title("Schedule variance", request),
            ["job", "task", "baseline_start", "baseline_finish", "start", "finish", "start_slip_days", "finish_slip_days", "percent_complete"], rows);
    }

    private static JsonObject Row(ScheduleTask task, string job)
    {
        var slip = ScheduleSlip.Of(task);
        return new JsonObject
        {
            ["id"] = task.Id, ["job"] = job, ["task"] = task.Name,
            ["baseline_start"] = Date(task.BaselineStart), ["baseline_finish"] = Date(task.BaselineEnd),
            ["start"] = Date(task.Start), ["finish"] = Date(task.End),
            ["start_slip_days"] = slip?.StartDays, ["finish_slip_days"] = slip?.FinishDays,
            ["percent_complete"] = ReportCells.Percent(task.PercentComplete),
        };
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
