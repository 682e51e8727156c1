namespace BackOffice.Domain.Workforce;

/// <summary>
/// An employee (workforce/employees.csv). <paramref name="WorkState"/> picks the overtime rules (issue 7);
/// <paramref name="Salary"/> is set for salaried non-exempt employees (issue 16) and null for hourly ones.
/// </summary>
public sealed record Employee(string Id, string Name, string Trade, string WorkState, decimal BaseRate, bool Active, EmployeeSalary? Salary = null)
{
    /// <summary>Issue 16: set for day-rate (29 CFR 778.112) and piece-rate (778.111) employees; null otherwise.</summary>
    public PieceworkPay? Piecework { get; init; }
}

/// <summary>
/// Day-rate or piece-rate pay (issue 16). <paramref name="DayRate"/> is the flat sum for a day's work (day rate only).
/// The hours on timecards at the base rate are the hours the day rate or the pieces pay; hours on a timecard with a rate
/// of its own (waiting time, other work) are paid by the hour on top, as 778.111's waiting time is.
/// </summary>
public sealed record PieceworkPay(PayBasis Basis, decimal DayRate)
{
    /// <summary>Issue 16: a piece-rate employee's minimum hourly guarantee (29 CFR 778.111(b)); null: none.</summary>
    public decimal? GuaranteedRate { get; init; }

    /// <summary>Issue 16: the bona fide piece rate of nonovertime hours, per piece (29 CFR 778.418(b)); null: none stated.</summary>
    public decimal? PieceRate { get; init; }

    /// <summary>Issue 16: the rate agreed in advance for each piece produced in overtime hours (29 CFR 778.418(a)); null: none.</summary>
    public decimal? OvertimePieceRate { get; init; }
}

/// <summary>How a non-exempt employee is paid (issue 16): by the hour, or a salary for fixed hours or for all hours.</summary>
public enum PayBasis
{
    Hourly,

    /// <summary>A salary for a fixed number of hours a week (29 CFR 778.113).</summary>
    SalaryFixed,

    /// <summary>A salary for all hours worked, however many (fluctuating workweek, 29 CFR 778.114).</summary>
    SalaryFluctuating,

    /// <summary>A flat sum a day, whatever the hours (29 CFR 778.112).</summary>
    DayRate,

    /// <summary>Pay by the piece (29 CFR 778.111).</summary>
    PieceRate,
}

/// <summary>
/// A non-exempt salary (issue 16): <paramref name="Amount"/> per <paramref name="Period"/> (weekly, biweekly,
/// semimonthly or monthly), intended to pay <paramref name="Hours"/> hours a week (the fixed-hours rule; 40 otherwise).
/// </summary>
public sealed record EmployeeSalary(PayBasis Basis, decimal Amount, string Period, decimal Hours);

/// <summary>
/// One clocked shift. Times are local wall-clock times as the time clock exported them; <paramref name="ClockOut"/>
/// is null while the employee is still clocked in (a missing punch once the day is over). <paramref name="Rate"/> is
/// the shift's own rate when it differs from base (a second type of work, or a shift differential).
/// </summary>
public sealed record Timecard(string Id, string EmployeeId, string? JobId, DateTime ClockIn, DateTime? ClockOut, decimal? Rate)
{
    /// <summary>Issue 16: the trade the shift was worked in (a carpenter on a laborer's shift); null: the employee's trade.</summary>
    public string? Trade { get; init; }
}

/// <summary>
/// Clocked hours of one employee on one job at one shift rate (null: the base rate), as of a date (issue 16: labor burden
/// in WIP). <paramref name="Trade"/>: the timecards' own trade, null where they carry none (the employee's trade).
/// </summary>
public sealed record JobLaborHours(string JobId, string EmployeeId, decimal? Rate, decimal Hours, string? Trade = null);

/// <summary>
/// What the payroll run claims and pays for one employee and workweek (workforce/payroll-lines.csv).
/// <paramref name="FlatSumBonus"/>: the bonus is a flat sum (e.g. an attendance bonus), which California values per
/// non-overtime hour (Alvarado v. Dart Container, 2018; issue 16); otherwise it is spread over all hours (29 CFR 778.110(b)).
/// </summary>
public sealed record PayrollLine(
    string Id, string RunId, string EmployeeId, DateOnly WeekStart,
    decimal RegularHours, decimal OvertimeHours, decimal DoubleTimeHours, decimal Bonus, decimal GrossPay, bool FlatSumBonus = false)
{
    /// <summary>Issue 16: days paid at a day rate (29 CFR 778.112); null: the days the timecards show worked.</summary>
    public decimal? Days { get; init; }

    /// <summary>Issue 16: the week's earnings at piece rates (29 CFR 778.111); null when not paid by the piece.</summary>
    public decimal? PieceEarnings { get; init; }

    /// <summary>
    /// Issue 16: pieces produced in overtime hours, paid at the employee's agreed overtime piece rate (29 CFR 778.418);
    /// <see cref="PieceEarnings"/> is then the nonovertime hours' pieces at the piece rate. Null: none stated.
    /// </summary>
    public decimal? OvertimePieces { get; init; }

    /// <summary>Issue 16: the week's rest and recovery periods in hours as recorded (California Labor Code 226.2); null: none stated.</summary>
    public decimal? RestHours { get; init; }

    /// <summary>Issue 16: the minimum wage an hour where the work was done; null: the tenant's setting.</summary>
    public decimal? MinimumWage { get; init; }

    /// <summary>
    /// Issue 16: the straight-time piece rate applicable to the work performed during the overtime hours, for a pieceworker
    /// at kinds of work with different piece rates (29 CFR 778.418(c)); with <see cref="OvertimePieceRate"/> it replaces the
    /// employee's pair for this week. Null: the employee's piece rate.
    /// </summary>
    public decimal? PieceRate { get; init; }

    /// <summary>Issue 16: the rate each piece produced in this week's overtime hours was paid (29 CFR 778.418(c)); null: the employee's agreed rate.</summary>
    public decimal? OvertimePieceRate { get; init; }

    public decimal ClaimedHours => RegularHours + OvertimeHours + DoubleTimeHours;
}

/// <summary>A scheduled task and the crew hours it needs (project/schedule-tasks.csv).</summary>
public sealed record ScheduleTask(
    string Id, string JobId, string Name, string Trade, DateOnly Start, DateOnly End, decimal CrewHours, decimal PercentComplete)
{
    /// <summary>The cost code a schedule read from Procore maps the task to (DERIVED, issue 14); null for the bundle's tasks.</summary>
    public string? CostCode { get; init; }

    /// <summary>The baseline start a schedule read from Procore carries (issue 14); null without a baseline.</summary>
    public DateOnly? BaselineStart { get; init; }

    /// <summary>The baseline finish; with <see cref="BaselineStart"/> it is what earned value plans against.</summary>
    public DateOnly? BaselineEnd { get; init; }

    /// <summary>True when the task has both baseline dates: PV is planned by them, and its slip is measured from them.</summary>
    public bool HasBaseline => BaselineStart is not null && BaselineEnd is not null;

    /// <summary>The dates value is planned by (issue 14): the baseline when the task has one, the current dates otherwise.</summary>
    public (DateOnly Start, DateOnly End) Planned => HasBaseline ? (BaselineStart!.Value, BaselineEnd!.Value) : (Start, End);

    /// <summary>Crew hours not yet done: crew hours × (100% − percent complete).</summary>
    public decimal RemainingHours => CrewHours * (100m - PercentComplete) / 100m;
}

/// <summary>
/// One component of a trade's labor burden profile (workforce/burden-profiles.csv, issue 16). <paramref name="Basis"/> is
/// percent-of-wages, per-hundred-of-wages, monthly-fixed or per-hour; <paramref name="ClassCode"/> names the workers'
/// compensation class the rate belongs to (shown, not computed with).
/// </summary>
public sealed record TradeBurdenComponent(
    string Id, string Trade, string Name, string Basis, decimal Rate, decimal? WageBase, bool? OnOvertimePremium, string? ClassCode);
