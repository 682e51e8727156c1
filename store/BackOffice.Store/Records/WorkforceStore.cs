using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Records;

/// <summary>Reads the workforce side of a tenant: employees, timecards, payroll lines, and the schedule's crew hours (issue 7).</summary>
public sealed partial class WorkforceStore(TenantData tenant)
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public async Task<IReadOnlyList<Employee>> EmployeesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<EmployeeRow>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, trade AS Trade, work_state AS WorkState, base_rate_cents AS BaseRateCents, active AS Active,
                   pay_basis AS PayBasis, salary_cents AS SalaryCents, salary_period AS SalaryPeriod, salary_hours_e4 AS SalaryHoursE4,
                   day_rate_cents AS DayRateCents, piece_guarantee_cents AS PieceGuaranteeCents,
                   piece_rate_e4 AS PieceRateE4, overtime_piece_rate_e4 AS OvertimePieceRateE4
            FROM workforce_employees ORDER BY id
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new Employee(r.Id, r.Name, r.Trade, r.WorkState, Cents.ToDollars(r.BaseRateCents), r.Active != 0, Salary(r))
        {
            Piecework = Piecework(r),
        }).ToList();
    }

    /// <summary>Issue 16: the salary of a salaried non-exempt employee (the import checked its fields are complete); 40 hours unless fixed.</summary>
    private static EmployeeSalary? Salary(EmployeeRow r) => r.PayBasis switch
    {
        "salary-fixed" => new EmployeeSalary(PayBasis.SalaryFixed, Cents.ToDollars(r.SalaryCents ?? 0), r.SalaryPeriod ?? "weekly", (r.SalaryHoursE4 ?? 400_000) / 10_000m),
        "salary-fluctuating" => new EmployeeSalary(PayBasis.SalaryFluctuating, Cents.ToDollars(r.SalaryCents ?? 0), r.SalaryPeriod ?? "weekly", 40m),
        _ => null,
    };

    /// <summary>Issue 16: day-rate (29 CFR 778.112) and piece-rate (778.111) pay; the import checked a day rate has its amount.</summary>
    private static PieceworkPay? Piecework(EmployeeRow r) => r.PayBasis switch
    {
        "day-rate" => new PieceworkPay(PayBasis.DayRate, Cents.ToDollars(r.DayRateCents ?? 0)),
        "piece-rate" => new PieceworkPay(PayBasis.PieceRate, 0m)
        {
            GuaranteedRate = Cents.ToDollars(r.PieceGuaranteeCents),
            PieceRate = r.PieceRateE4 / 10_000m,
            OvertimePieceRate = r.OvertimePieceRateE4 / 10_000m,
        },
        _ => null,
    };

    /// <summary>Issue 16: every trade's burden profile components (workforce/burden-profiles.csv), by trade then id.</summary>
    public async Task<IReadOnlyList<TradeBurdenComponent>> BurdenProfilesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await connectionUnit.Connection.QueryAsync<BurdenProfileRow>(new CommandDefinition(
            """
            SELECT id AS Id, trade AS Trade, name AS Name, basis AS Basis, rate_e4 AS RateE4, wage_base_cents AS WageBaseCents,
                   on_overtime_premium AS OnPremium, class_code AS ClassCode
            FROM workforce_burden_profiles ORDER BY trade, id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new TradeBurdenComponent(r.Id, r.Trade, r.Name, r.Basis, r.RateE4 / 10_000m, Cents.ToDollars(r.WageBaseCents),
            r.OnPremium is { } on ? on != 0 : null, r.ClassCode)).ToList();
    }

    /// <summary>Timecards that touch [from, to): clocked in before <paramref name="to"/> and out after <paramref name="from"/> (or still in).</summary>
    public async Task<IReadOnlyList<Timecard>> TimecardsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<TimecardRow>(new CommandDefinition(
            """
            SELECT id AS Id, employee_id AS EmployeeId, job_id AS JobId, clock_in AS ClockIn, clock_out AS ClockOut, rate_cents AS RateCents,
                   trade AS Trade
            FROM workforce_timecards
            WHERE clock_in < @To AND (clock_out IS NULL OR clock_out > @From)
            ORDER BY employee_id, clock_in, id
            """,
            new { From = Text(from), To = Text(to) }, cancellationToken: cancellationToken));
        return rows.Select(r => new Timecard(
            r.Id, r.EmployeeId, r.JobId, Parse(r.ClockIn), r.ClockOut is null ? null : Parse(r.ClockOut), Cents.ToDollars(r.RateCents))
        {
            Trade = TradeOrNull(r.Trade),
        }).ToList();
    }

    /// <summary>
    /// Issue 16: clocked hours on each job by employee and shift rate, for shifts clocked out and clocked in before the
    /// day after <paramref name="asOf"/> (what labor burden in WIP charges per employee), and by the timecards' own trade
    /// (issue 16; empty: the employee's). Seconds are summed as integers,
    /// so the hours are exact; overlapping punches are not de-duplicated here (the timecard check reports them).
    /// </summary>
    public async Task<IReadOnlyList<JobLaborHours>> JobHoursAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        // Whole seconds between the punches, in each engine's own date arithmetic (issue 18).
        var seconds = StoreSql.IsPostgres(connection)
            ? "CAST(SUM(EXTRACT(EPOCH FROM CAST(clock_out AS timestamp) - CAST(clock_in AS timestamp))) AS BIGINT)"
            : "SUM(CAST(strftime('%s', clock_out) AS INTEGER) - CAST(strftime('%s', clock_in) AS INTEGER))";
        var rows = await connection.QueryAsync<JobHoursRow>(new CommandDefinition(
            $"""
            SELECT job_id AS JobId, employee_id AS EmployeeId, rate_cents AS RateCents, COALESCE(trade, '') AS Trade,
                   {seconds} AS Seconds
            FROM workforce_timecards
            WHERE job_id IS NOT NULL AND job_id <> '' AND clock_out IS NOT NULL AND clock_in < @Before
            GROUP BY job_id, employee_id, rate_cents, COALESCE(trade, '') ORDER BY job_id, employee_id, rate_cents, COALESCE(trade, '')
            """,
            new { Before = Text(asOf.AddDays(1)) }, cancellationToken: cancellationToken));
        return rows.Select(r => new JobLaborHours(r.JobId, r.EmployeeId, Cents.ToDollars(r.RateCents), r.Seconds / 3600m, TradeOrNull(r.Trade))).ToList();
    }

    /// <summary>Issue 16: a timecard's trade, trimmed; blank means the employee's own trade.</summary>
    private static string? TradeOrNull(string? trade) => string.IsNullOrWhiteSpace(trade) ? null : trade.Trim();

    /// <summary>The day of the latest clock-in, or null without timecards: the console opens week reports there (issue 17).</summary>
    public async Task<DateOnly?> LatestClockInDayAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var day = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT substr(MAX(clock_in), 1, 10) FROM workforce_timecards", cancellationToken: cancellationToken));
        return day is null ? null : DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Issue 17: the first and last workweek start of each payroll run asked for (a run is only an id on its lines),
    /// so a narrative's "pr-2026-11-08" can be shown as the weeks it pays. A run no line has is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)>> PayrollRunWeeksAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal);
        }

        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string RunId, string First, string Last)>(new CommandDefinition(
            $"SELECT run_id, MIN(week_start), MAX(week_start) FROM workforce_payroll_lines WHERE {StoreSql.InJson(unit.Connection, "run_id", "@ids")} GROUP BY run_id",
            new { ids = System.Text.Json.JsonSerializer.Serialize(runIds) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.RunId, r => (DateOnly.ParseExact(r.First, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(r.Last, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<PayrollLine>> PayrollLinesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<PayrollLineRow>(new CommandDefinition(
            """
            SELECT id AS Id, run_id AS RunId, employee_id AS EmployeeId, week_start AS WeekStart, regular_hours_e4 AS RegularE4,
                   overtime_hours_e4 AS OvertimeE4, double_time_hours_e4 AS DoubleTimeE4, bonus_cents AS BonusCents, gross_pay_cents AS GrossCents,
                   bonus_kind AS BonusKind, days_e4 AS DaysE4, piece_earnings_cents AS PieceCents, overtime_pieces_e4 AS OvertimePiecesE4,
                   rest_hours_e4 AS RestHoursE4, minimum_wage_cents AS MinimumWageCents,
                   piece_rate_e4 AS PieceRateE4, overtime_piece_rate_e4 AS OvertimePieceRateE4
            FROM workforce_payroll_lines ORDER BY week_start, employee_id, id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new PayrollLine(
            r.Id, r.RunId, r.EmployeeId, DateOnly.ParseExact(r.WeekStart, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.RegularE4 / 10_000m, r.OvertimeE4 / 10_000m, r.DoubleTimeE4 / 10_000m, Cents.ToDollars(r.BonusCents), Cents.ToDollars(r.GrossCents),
            r.BonusKind == "flat-sum")
        {
            Days = r.DaysE4 / 10_000m,
            PieceEarnings = Cents.ToDollars(r.PieceCents),
            OvertimePieces = r.OvertimePiecesE4 / 10_000m,
            RestHours = r.RestHoursE4 / 10_000m,
            MinimumWage = Cents.ToDollars(r.MinimumWageCents),
            PieceRate = r.PieceRateE4 / 10_000m,
            OvertimePieceRate = r.OvertimePieceRateE4 / 10_000m,
        }).ToList();
    }

    /// <summary>Gross pay per workweek across every payroll run (the cash forecast's payroll, issue 3).</summary>
    public async Task<IReadOnlyList<Financial.PayrollGross>> WeeklyGrossAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(string WeekStart, long GrossCents)>(new CommandDefinition(
            "SELECT week_start, CAST(SUM(gross_pay_cents) AS BIGINT) FROM workforce_payroll_lines GROUP BY week_start ORDER BY week_start",
            cancellationToken: cancellationToken));
        return rows.Select(r => new Financial.PayrollGross(Financial.StoreDates.Parse(r.WeekStart), Cents.ToDollars(r.GrossCents))).ToList();
    }

    public async Task<IReadOnlyList<ScheduleTask>> ScheduleTasksAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
            """
            SELECT id AS Id, job_id AS JobId, name AS Name, trade AS Trade, start_date AS StartDate, end_date AS EndDate,
                   crew_hours_e4 AS CrewHoursE4, percent_complete_bp AS PercentBp, cost_code AS CostCode,
                   baseline_start AS BaselineStart, baseline_end AS BaselineEnd
            FROM project_schedule_tasks ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new ScheduleTask(
            r.Id, r.JobId, r.Name, r.Trade, DateOnly.ParseExact(r.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(r.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.CrewHoursE4 / 10_000m, r.PercentBp / 100m)
        {
            CostCode = r.CostCode,
            BaselineStart = r.BaselineStart is null ? null : DateOnly.ParseExact(r.BaselineStart, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            BaselineEnd = r.BaselineEnd is null ? null : DateOnly.ParseExact(r.BaselineEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();
    }

    private static string Text(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static DateTime Parse(string text) => DateTime.ParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture);
}
