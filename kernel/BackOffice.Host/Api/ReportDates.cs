using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 17: the date a report asked for no date opens on, the same from the CLI, the API and the console: the books
/// date (the demo's sample date, else today), except for the week reports, which open on the latest week with
/// timecards on or before it (the payroll check must not open on an empty week while its findings are weeks earlier).
/// `wip-period` picks its latest month with ledger activity itself (<c>WipPeriodReport.PeriodAsync</c>), and g702/g703
/// their latest pay application.
/// </summary>
public static class ReportDates
{
    public static readonly string[] WeekReports = ["payroll-check", "staffing"];

    public static async Task<DateOnly> DefaultAsOfAsync(TenantData data, string report, CancellationToken ct)
    {
        var books = await data.BooksDate.DefaultAsOfAsync(ct);
        if (WeekReports.Contains(report, StringComparer.Ordinal) && await data.Workforce.LatestClockInDayAsync(ct) is { } latest)
        {
            return latest <= books ? latest : books;
        }

        return books;
    }
}
