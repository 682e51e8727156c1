namespace BackOffice.Store.Records;

/// <summary>The rows WorkforceStore's queries read (Dapper maps columns to these by name).</summary>
public sealed partial class WorkforceStore
{
    private sealed class EmployeeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Trade { get; init; } = "";
        public string WorkState { get; init; } = "";
        public long BaseRateCents { get; init; }
        public long Active { get; init; }
        public string PayBasis { get; init; } = "hourly";
        public long? SalaryCents { get; init; }
        public string? SalaryPeriod { get; init; }
        public long? SalaryHoursE4 { get; init; }
        public long? DayRateCents { get; init; }
        public long? PieceGuaranteeCents { get; init; }
        public long? PieceRateE4 { get; init; }
        public long? OvertimePieceRateE4 { get; init; }
    }

    private sealed class BurdenProfileRow
    {
        public string Id { get; init; } = "";
        public string Trade { get; init; } = "";
        public string Name { get; init; } = "";
        public string Basis { get; init; } = "";
        public long RateE4 { get; init; }
        public long? WageBaseCents { get; init; }
        public long? OnPremium { get; init; }
        public string? ClassCode { get; init; }
    }

    private sealed class JobHoursRow
    {
        public string JobId { get; init; } = "";
        public string EmployeeId { get; init; } = "";
        public long? RateCents { get; init; }
        public string Trade { get; init; } = "";
        public long Seconds { get; init; }
    }

    private sealed class TimecardRow
    {
        public string Id { get; init; } = "";
        public string EmployeeId { get; init; } = "";
        public string? JobId { get; init; }
        public string ClockIn { get; init; } = "";
        public string? ClockOut { get; init; }
        public long? RateCents { get; init; }
        public string? Trade { get; init; }
    }

    private sealed class PayrollLineRow
    {
        public string Id { get; init; } = "";
        public string RunId { get; init; } = "";
        public string EmployeeId { get; init; } = "";
        public string WeekStart { get; init; } = "";
        public long RegularE4 { get; init; }
        public long OvertimeE4 { get; init; }
        public long DoubleTimeE4 { get; init; }
        public long BonusCents { get; init; }
        public long GrossCents { get; init; }
        public string BonusKind { get; init; } = "nondiscretionary";
        public long? DaysE4 { get; init; }
        public long? PieceCents { get; init; }
        public long? OvertimePiecesE4 { get; init; }
        public long? RestHoursE4 { get; init; }
        public long? MinimumWageCents { get; init; }
        public long? PieceRateE4 { get; init; }
        public long? OvertimePieceRateE4 { get; init; }
    }

    private sealed class TaskRow
    {
        public string? BaselineStart { get; init; }

        public string? BaselineEnd { get; init; }

        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Trade { get; init; } = "";
        public string StartDate { get; init; } = "";
        public string EndDate { get; init; } = "";
        public long CrewHoursE4 { get; init; }
        public long PercentBp { get; init; }

        public string? CostCode { get; init; }
    }
}
