using BackOffice.Agents.Books;
using BackOffice.Domain.Workforce;
using BackOffice.Store.Records;
using BackOffice.Tools.Workforce;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Workforce;

/// <summary>Everything the Workforce agent's checks read, loaded once per sweep or report.</summary>
internal sealed record WorkforceData(
    IReadOnlyDictionary<string, Employee> Employees,
    IReadOnlyList<PayrollLine> PayrollLines,
    IReadOnlyList<ScheduleTask> Tasks,
    IReadOnlyDictionary<string, string> JobStatus,
    WorkforceStore Store)
{
    public static async Task<WorkforceData> LoadAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var store = tenant.Workforce;
        // Issue 12: jobs as the shared read model holds them, the same records every agent sees.
        var jobs = (await TenantBooks.LoadAsync(tenant, null, cancellationToken)).Masters.Jobs;
        return new WorkforceData(
            (await store.EmployeesAsync(cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal),
            await store.PayrollLinesAsync(cancellationToken),
            await store.ScheduleTasksAsync(cancellationToken),
            jobs.ToDictionary(j => j.Id, j => j.Status, StringComparer.Ordinal),
            store);
    }

    /// <summary>The workweeks of the latest payroll run on or before <paramref name="asOf"/>: what the pre-check looks at before that run pays.</summary>
    public IReadOnlyList<DateOnly> LatestRunWeeks(DateOnly asOf, DayOfWeek startDay) => LatestRunWeeks(PayrollLines, asOf, startDay);

    /// <summary>The same from payroll lines alone (issue 18: the as-of move compares two dates without loading the rest).</summary>
    public static IReadOnlyList<DateOnly> LatestRunWeeks(IReadOnlyList<PayrollLine> lines, DateOnly asOf, DayOfWeek startDay)
    {
        var latest = lines.Where(l => l.WeekStart <= asOf).MaxBy(l => (l.WeekStart, l.RunId));
        return latest is null
            ? []
            : lines.Where(l => l.RunId == latest.RunId).Select(l => TimecardTools.WorkweekStart(l.WeekStart, startDay)).Distinct().Order().ToList();
    }
}
