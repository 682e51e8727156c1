namespace BackOffice.Domain.Workforce;

/// <summary>An hourly employee (workforce/employees.csv). <paramref name="WorkState"/> picks the overtime rules (issue 7).</summary>
public sealed record Employee(string Id, string Name, string Trade, string WorkState, decimal BaseRate, bool Active);

/// <summary>
/// One clocked shift. Times are local wall-clock times as the time clock exported them; <paramref name="ClockOut"/>
/// is null while the employee is still clocked in (a missing punch once the day is over). <paramref name="Rate"/> is
/// the shift's own rate when it differs from base (a second type of work, or a shift differential).
/// </summary>
public sealed record Timecard(string Id, string EmployeeId, string? JobId, DateTime ClockIn, DateTime? ClockOut, decimal? Rate);

/// <summary>Clocked hours of one employee on one job at one shift rate (null: the base rate), as of a date (issue 16: labor burden in WIP).</summary>
public sealed record JobLaborHours(string JobId, string EmployeeId, decimal? Rate, decimal Hours);

/// <summary>What the payroll run claims and pays for one employee and workweek (workforce/payroll-lines.csv).</summary>
public sealed record PayrollLine(
    string Id, string RunId, string EmployeeId, DateOnly WeekStart,
    decimal RegularHours, decimal OvertimeHours, decimal DoubleTimeHours, decimal Bonus, decimal GrossPay)
{
    public decimal ClaimedHours => RegularHours + OvertimeHours + DoubleTimeHours;
}

/// <summary>A scheduled task and the crew hours it needs (project/schedule-tasks.csv).</summary>
public sealed record ScheduleTask(
    string Id, string JobId, string Name, string Trade, DateOnly Start, DateOnly End, decimal CrewHours, decimal PercentComplete)
{
    /// <summary>The cost code a schedule read from Procore maps the task to (DERIVED, issue 14); null for the bundle's tasks.</summary>
    public string? CostCode { get; init; }

    /// <summary>Crew hours not yet done: crew hours × (100% − percent complete).</summary>
    public decimal RemainingHours => CrewHours * (100m - PercentComplete) / 100m;
}
