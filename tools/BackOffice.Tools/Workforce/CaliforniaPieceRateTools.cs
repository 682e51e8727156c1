using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// California pay for a piece-rate employee's rest and recovery periods (issue 16): <paramref name="AverageHourlyRate"/>
/// is the week's compensation over its hours, both without the rest periods; <paramref name="Rate"/> is the higher of it
/// and the minimum wage (<paramref name="AtMinimumWage"/> when the minimum wage won); <paramref name="Pay"/> is what
/// the rest periods are owed, separate from the piece earnings.
/// </summary>
public sealed record RestPeriodPay(decimal AverageHourlyRate, decimal Rate, bool AtMinimumWage, decimal RestHours, decimal Pay);

/// <summary>
/// California Labor Code section 226.2(a)(1) and (a)(3)(A): a piece-rate employee's rest and recovery periods are paid
/// separately from the piece earnings, at no less than the higher of the average hourly rate ("the total compensation
/// for the workweek, exclusive of compensation for rest and recovery periods and any premium compensation for
/// overtime", divided by "the total hours worked during the workweek, exclusive of rest and recovery periods") and the
/// applicable minimum wage. Rounding as the published examples (DIR's AB 1513 FAQ; DLSE's example): the rest hours as
/// the payroll records them (1.67 or 1.667), the average hourly rate to the cent, the pay to the cent, half away from zero.
/// </summary>
public static class CaliforniaPieceRateTools
{
    /// <summary>The rule the payroll figures name.</summary>
    public const string RestPeriodRule = "rest and recovery periods, Labor Code 226.2(a)(3)(A)";

    /// <summary>
    /// California's minimum wage an hour from 1 January 2026 (DIR, "Minimum Wage", Labor Code 1182.12(c)): the payroll
    /// check's default for 226.2 until a tenant sets Agents:workforce:MinimumWage or a payroll line its minimum_wage (issue 16).
    /// </summary>
    public const decimal CaliforniaMinimumWage = 16.90m;

    [Description("California Labor Code 226.2: a piece-rate employee's pay for the week's rest and recovery periods, at the higher of the week's average hourly rate (compensation and hours both without the rest periods and overtime premium) and the minimum wage.")]
    public static RestPeriodPay RestPeriods(
        [Description("The week's compensation without rest-period pay and without overtime premium (piece earnings, other hourly pay, bonuses), in dollars, e.g. 500.00")] decimal compensation,
        [Description("All hours worked in the week, rest and recovery periods included, e.g. 40")] decimal hoursWorked,
        [Description("The rest and recovery periods' hours as recorded, e.g. 1.67 for five days of two 10-minute rests")] decimal restHours,
        [Description("The applicable minimum wage an hour (the highest of federal, state and local), e.g. 16.90")] decimal minimumWage)
    {
        var productive = hoursWorked - restHours;
        if (productive <= 0m || restHours < 0m)
        {
            throw new ArgumentException($"Rest hours {restHours} must be at least 0 and fewer than the {hoursWorked} hours worked.", nameof(restHours));
        }

        var average = MoneyMath.RoundToCent(compensation / productive);
        var rate = Math.Max(average, minimumWage);
        return new RestPeriodPay(average, rate, rate > average, restHours, MoneyMath.RoundToCent(rate * restHours));
    }

    [Description("California Labor Code 226.2 in the payroll check: a piece-rate week's rest and recovery period pay when the work state is CA and the payroll line states rest hours fewer than the hours worked; null otherwise.")]
    public static RestPeriodPay? ForWeek(
        [Description("The employee's pay basis")] PayBasis basis,
        [Description("Two-letter work state, e.g. CA")] string workState,
        [Description("The week's compensation without rest pay and overtime premium (pieces, other hourly pay, bonus), in dollars")] decimal compensation,
        [Description("All hours worked in the week, rest periods included")] decimal hoursWorked,
        [Description("The payroll line's rest hours, or null")] decimal? restHours,
        [Description("The applicable minimum wage an hour, e.g. 16.90")] decimal minimumWage) =>
        basis == PayBasis.PieceRate && restHours is { } rest && rest < hoursWorked && OvertimeTools.RuleFor(workState) == OvertimeRule.California
            ? RestPeriods(compensation, hoursWorked, rest, minimumWage)
            : null;

    /// <summary>Names the rest pay as the payroll check shows it, e.g. "...: 1.67 h at 13.04 = 21.78".</summary>
    public static string Describe(RestPeriodPay rest) => FormattableString.Invariant(
        $"{RestPeriodRule}: {rest.RestHours:0.####} h at {rest.Rate:0.00}{(rest.AtMinimumWage ? " (minimum wage)" : "")} = {rest.Pay:0.00}");

    /// <summary>
    /// Brinker Restaurant Corp. v. Superior Court (2012) 53 Cal.4th 1004, 1029, reading the IWC wage orders' section 12
    /// ("10 minutes net rest time per four (4) hours or major fraction thereof"): 10 minutes for a day of 3.5 to 6 hours,
    /// 20 for more than 6 up to 10, 30 for more than 10 up to 14, and so on; none under 3.5 hours. Unrounded hours.
    /// </summary>
    [Description("California's authorized rest time for a day, in hours: 10 minutes for 3.5 to 6 hours worked, 20 for more than 6 up to 10, 30 for more than 10 up to 14, and so on; none under 3.5 hours (Brinker, 2012).")]
    public static decimal RestHoursForDay([Description("Hours worked that day, e.g. 8")] decimal hours)
    {
        if (hours < 3.5m)
        {
            return 0m;
        }

        var rests = 1m + Math.Max(0m, Math.Ceiling((hours - 6m) / 4m));
        return rests * 10m / 60m;
    }
}
