using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.EarnedValue;

/// <summary>
/// Issue 16: a configured shape of the cumulative planned value between a job's start and finish, for jobs with neither a
/// schedule nor a time-phased budget. With t the share of the job's calendar days elapsed (inclusive): Linear t; SCurve
/// 3t^2 - 2t^3 (slow start, fast middle, slow finish, half at mid-point); FrontLoaded 1 - (1 - t)^2; BackLoaded t^2.
/// The PMI Practice Standard for EVM names these profiles but prints no formula: the polynomials are this product's
/// choice (DERIVED), stated so a controller can reproduce them.
/// </summary>
public enum PlannedValueCurve
{
    None,
    Linear,
    SCurve,
    FrontLoaded,
    BackLoaded,
}

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

    [Description("Cumulative share (0-1) of a job's budget a configured curve plans by a date: linear t, S-curve 3t^2 - 2t^3, front-loaded 1 - (1 - t)^2, back-loaded t^2, with t the share of the job's calendar days elapsed (inclusive); unrounded.")]
    public static decimal CurveFraction(
        [Description("Linear, SCurve, FrontLoaded or BackLoaded")] PlannedValueCurve curve,
        [Description("The job's start date")] DateOnly start,
        [Description("The job's (substantial) completion date")] DateOnly end,
        [Description("Date of the measurement (end of that day)")] DateOnly asOf)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        var elapsed = asOf.DayNumber - start.DayNumber + 1;
        var t = elapsed <= 0 ? 0m : elapsed >= days ? 1m : (decimal)elapsed / days;
        return curve switch
        {
            PlannedValueCurve.Linear => t,
            PlannedValueCurve.SCurve => (3m * t * t) - (2m * t * t * t),
            PlannedValueCurve.FrontLoaded => 1m - ((1m - t) * (1m - t)),
            PlannedValueCurve.BackLoaded => t * t,
            _ => throw new ArgumentException("A curve is needed to plan value (None plans nothing).", nameof(curve)),
        };
    }

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
