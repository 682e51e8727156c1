using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Workforce;

/// <summary>Hours worked at one straight-time rate (a type of work, or a shift with a differential).</summary>
public sealed record PaySegment(decimal Hours, decimal Rate);

/// <summary>
/// What the law requires for one workweek. <paramref name="RegularRate"/> is kept unrounded; <paramref name="Total"/>
/// is the only rounded figure (to the cent, half away from zero, by MoneyMath.RoundToCent).
/// Issue 16: <paramref name="Rule"/> names the rule the week was computed under; salaried weeks (PayBasisTools) carry
/// their own rounded <paramref name="OvertimeRate"/> (0.5x under the fluctuating workweek) and pay the whole overtime
/// hour in <paramref name="OvertimePremium"/>, since the salary paid none of it; <paramref name="BonusOvertime"/> is the
/// overtime owed on a bonus computed apart from the rate (Alvarado, or a bonus beside a salary).
/// </summary>
public sealed record RequiredPay(
    decimal TotalHours, decimal StraightTimeEarnings, decimal OtherRemuneration, decimal RegularRate,
    decimal OvertimePremium, decimal DoubleTimePremium, decimal Total,
    string Rule = RegularRateTools.WeightedAverageRule, decimal BonusOvertime = 0m, decimal? OvertimeRate = null)
{
    /// <summary>What the week owes for overtime beyond its straight-time (or salary) earnings: premiums plus bonus overtime.</summary>
    public decimal OvertimeDue => OvertimePremium + DoubleTimePremium + BonusOvertime;

    /// <summary>Issue 16: why a rule the employee's pay names was not applied (e.g. a 778.418 condition a week fails); shown as problems.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Issue 16: a California piece-rate week's rest and recovery period pay (Labor Code 226.2), inside the straight time; null: none.</summary>
    public RestPeriodPay? RestPeriods { get; init; }
}

/// <summary>
/// The regular rate and the pay it requires (issue 7). The regular rate is all remuneration for the week (straight-time
/// earnings at every rate, shift differentials, non-discretionary bonuses earned in the week) divided by all hours
/// worked: the weighted average of 29 CFR 778.115, with bonuses per 778.110(b) and 778.209(a) and differentials per
/// 778.207(b). Overtime then owes half the regular rate more per overtime hour, double time the full rate more, on
/// top of straight time already paid for every hour. The "rate in effect" method of 778.419 (overtime at the rate of
/// the work done in the overtime hours, by prior agreement) is not supported: every week uses the weighted average.
/// </summary>
public static class RegularRateTools
{
    /// <summary>The hourly rule: the weighted-average regular rate, bonuses over all hours.</summary>
    public const string WeightedAverageRule = "hourly, 29 CFR 778.115 weighted average";

    [Description("The weekly regular rate: total straight-time earnings plus other remuneration (non-discretionary bonuses, differentials) divided by total hours worked. Unrounded.")]
    public static decimal RegularRate(
        [Description("Hours worked at each straight-time rate, e.g. [{hours:30,rate:12.00},{hours:15,rate:15.00}]")] IReadOnlyList<PaySegment> segments,
        [Description("Non-discretionary bonus and other includable pay for the week, in dollars, e.g. 46.00")] decimal otherRemuneration)
    {
        var hours = segments.Sum(s => s.Hours);
        if (hours <= 0m)
        {
            throw new ArgumentException("A regular rate needs hours worked.", nameof(segments));
        }

        return (segments.Sum(s => s.Hours * s.Rate) + otherRemuneration) / hours;
    }

    [Description("The gross pay the rules require for a workweek: straight time for every hour, plus other remuneration, plus half the regular rate per overtime hour and the full regular rate per double-time hour; rounded once, to the cent.")]
    public static RequiredPay Required(
        [Description("Hours worked at each straight-time rate")] IReadOnlyList<PaySegment> segments,
        [Description("Non-discretionary bonus and other includable pay for the week, in dollars")] decimal otherRemuneration,
        [Description("Overtime hours (paid at 1.5x the regular rate)")] decimal overtimeHours,
        [Description("Double-time hours (paid at 2x the regular rate)")] decimal doubleTimeHours)
    {
        var rate = RegularRate(segments, otherRemuneration);
        var straight = segments.Sum(s => s.Hours * s.Rate);
        var overtimePremium = rate / 2m * overtimeHours;
        var doubleTimePremium = rate * doubleTimeHours;
        // The one rounding point of the payroll check (issue 7): premiums stay exact until the week's total.
        var total = MoneyMath.RoundToCent(straight + otherRemuneration + overtimePremium + doubleTimePremium);
        return new RequiredPay(segments.Sum(s => s.Hours), straight, otherRemuneration, rate, overtimePremium, doubleTimePremium, total);
    }
}
