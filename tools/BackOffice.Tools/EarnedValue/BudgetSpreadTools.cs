using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.EarnedValue;

/// <summary>
/// PV from a time-phased budget (issue 16): the performance measurement baseline spread by period, as the PMI Practice
/// Standard for Earned Value Management describes it (the cumulative time-phased budget, whose plot is the S-curve); PV
/// at a date is the cumulative spread to that date. A period that contains the date is planned linearly by calendar day
/// over its own days, inclusive (the same day rule as SchedulePhasing). Unrounded: the caller rounds PV once to the cent.
/// </summary>
public static class BudgetSpreadTools
{
    [Description("Planned value of a job as of a date from its time-phased budget: every period ended by then in full, the period containing the date pro rata by calendar day; unrounded.")]
    public static decimal PlannedValue(
        [Description("The job's budget spread rows: amount planned over start..end inclusive")] IReadOnlyList<BudgetSpread> spread,
        [Description("Date of the measurement (end of that day)")] DateOnly asOf) =>
        spread.Sum(s => Planned(s, asOf));

    [Description("The total a time-phased budget plans (its BAC when the spread covers the whole budget).")]
    public static decimal Total([Description("The job's budget spread rows")] IReadOnlyList<BudgetSpread> spread) => spread.Sum(s => s.Amount);

    /// <summary>Amount x elapsed days / period days, multiplied before dividing so whole shares stay exact (1,000, not 999.99...).</summary>
    private static decimal Planned(BudgetSpread period, DateOnly asOf)
    {
        var days = period.End.DayNumber - period.Start.DayNumber + 1;
        var elapsed = asOf.DayNumber - period.Start.DayNumber + 1;
        return elapsed <= 0 ? 0m : elapsed >= days ? period.Amount : period.Amount * elapsed / days;
    }
}
