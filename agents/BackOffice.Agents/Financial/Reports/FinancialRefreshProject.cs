using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: what journaled writes to the project side's budgets, change orders and pay apps and to the workforce tables
/// change in the Financial analysis's data. Those tables are a few rows a job next to the ledger's lines, so the ones
/// written are read again whole, and only the jobs the journal names (or whose employees it names) are computed again.
/// A job's own row (status, contract, link) is <see cref="FinancialRefresh"/>'s relink; pay app lines and payroll lines
/// no figure of the analysis reads (the cash forecast's own inputs do, <see cref="CashForecastInputs"/>).
/// </summary>
internal static class FinancialRefreshProject
{
    /// <summary>The tables this refresh handles, besides project_jobs (<see cref="JobsTable"/>).</summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        BudgetLines, ChangeOrders, ChangeOrderLines, PayApps, PayAppLines, Timecards, Employees, BurdenProfiles, PayrollLines,
    };

    public const string JobsTable = "project_jobs";
    private const string BudgetLines = "project_budget_lines";
    private const string ChangeOrders = "project_change_orders";
    private const string ChangeOrderLines = "project_change_order_lines";
    public const string PayApps = "project_pay_apps";
    private const string PayAppLines = "project_pay_app_lines";
    private const string Timecards = "workforce_timecards";
    private const string Employees = "workforce_employees";
    private const string BurdenProfiles = "workforce_burden_profiles";
    public const string PayrollLines = "workforce_payroll_lines";

    /// <summary>Tables whose rows name jobs the analysis computes from them (pay app and payroll lines move none).</summary>
    private static readonly HashSet<string> JobTables = new(StringComparer.Ordinal) { JobsTable, BudgetLines, ChangeOrders, PayApps, Timecards };

    /// <summary>
    /// The data with the written tables read again; the project jobs whose rows can differ (null: every job, when a trade's
    /// burden profile changed); whether committed cost must be computed again (a change order) and whether the labor
    /// figures (burdened rates, overtime) must be (a timecard, an employee or a burden profile).
    /// </summary>
    public static async Task<(FinancialData Data, IReadOnlySet<string>? Jobs, bool Committed, bool Labor)> RereadAsync(
        ReportRequest request, FinancialData data, IReadOnlyList<JournalEntry> changes, CancellationToken cancellationToken)
    {
        var tables = changes.Select(c => c.Table).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var project = request.Data.ProjectFinancials;
        var books = data.Books;
        var jobs = changes.Where(c => c.Kind == "job" && c.Table is { } t && JobTables.Contains(t)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (tables.Contains(BudgetLines))
        {
            books = books with { BudgetLines = await project.BudgetLinesAsync(cancellationToken) };
        }

        var committed = tables.Contains(ChangeOrders) || tables.Contains(ChangeOrderLines);
        if (committed)
        {
            // A change order line names only its change order: its job is the order's, before and after.
            var orders = Keys(changes, ChangeOrders);
            var now = await project.ChangeOrdersAsync(cancellationToken);
            jobs.UnionWith(books.ChangeOrders.Concat(now).Where(c => orders.Contains(c.Id)).Select(c => c.JobId));
            books = books with { ChangeOrders = now };
        }

        if (tables.Contains(PayApps))
        {
            books = books with { PayApps = await project.PayAppsAsync(cancellationToken) };
        }

        var labor = tables.Contains(Timecards) || tables.Contains(Employees) || tables.Contains(BurdenProfiles);
        if (labor)
        {
            (books, var laborJobs) = await RereadLaborAsync(request, books, Keys(changes, "employee"), cancellationToken);
            jobs.UnionWith(laborJobs);
        }

        return (data with { Books = books }, tables.Contains(BurdenProfiles) ? null : jobs, committed, labor);
    }

    /// <summary>
    /// Clocked hours, timecards, employees and burden profiles read again. A person's burdened rate and each workweek's
    /// overtime take in all of that person's hours, so every job the named employees worked on (before or after) counts.
    /// </summary>
    private static async Task<(FinancialBooks Books, IReadOnlySet<string> Jobs)> RereadLaborAsync(
        ReportRequest request, FinancialBooks books, IReadOnlySet<string> employees, CancellationToken cancellationToken)
    {
        var workforce = request.Data.Workforce;
        var now = books with
        {
            LaborHours = await workforce.JobHoursAsync(request.AsOf, cancellationToken),
            Employees = await workforce.EmployeesAsync(cancellationToken),
            Timecards = await workforce.TimecardsAsync(DateOnly.MinValue, request.AsOf.AddDays(1), cancellationToken),
            BurdenProfiles = await workforce.BurdenProfilesAsync(cancellationToken),
        };
        var jobs = books.LaborHours.Concat(now.LaborHours).Where(h => employees.Contains(h.EmployeeId)).Select(h => h.JobId)
            .Concat((books.Timecards ?? []).Concat(now.Timecards ?? []).Where(t => employees.Contains(t.EmployeeId)).Select(t => t.JobId).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return (now, jobs);
    }

    private static HashSet<string> Keys(IReadOnlyList<JournalEntry> changes, string kind) =>
        changes.Where(c => c.Kind == kind).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
}
