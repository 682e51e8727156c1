using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// Day-rate and piece-rate pay (issue 16). Both make the regular rate the week's whole straight-time pay (the day rates
/// or piece earnings, pay for other hours such as waiting time, and bonuses) over all hours worked, and then owe only
/// half that rate more per overtime hour, since every hour was already paid at straight time: 29 CFR 778.111(a)
/// (pieceworker) and 778.112 (day rates and job rates). A double-time hour (California) owes the whole rate more, as the
/// hourly weighted average does (RegularRateTools). Rounding: as the hourly rule, exact until the week's total, which is
/// rounded once to the cent, half away from zero.
/// </summary>
public static class PieceworkTools
{
    /// <summary>The rule names the payroll check shows.</summary>
    public const string DayRateRule = "day rate, 29 CFR 778.112", PieceRateRule = "piece rate, 29 CFR 778.111",
        GuaranteeRule = "piece rate under its hourly guarantee, 29 CFR 778.111(b)";

    [Description("The gross pay a workweek requires for a day-rate or piece-rate employee: the day rates or piece earnings, pay for hours at other rates and the bonus, over all hours worked, is the regular rate; half of it more per overtime hour, all of it more per double-time hour; rounded once, to the cent.")]
    public static RequiredPay Required(
        [Description("The week's day-rate total (days x day rate) or piece earnings, in dollars, e.g. 491.00")] decimal unitEarnings,
        [Description("Hours the day rate or pieces pay (clocked at the base rate), e.g. 46")] decimal unitHours,
        [Description("Hours paid by the hour on top (waiting time, other work), each at its rate, e.g. [{hours:4,rate:8.00}]")] IReadOnlyList<PaySegment> otherHours,
        [Description("Non-discretionary bonus for the week, in dollars")] decimal bonus,
        [Description("Overtime hours (over 40 a week, or California's daily overtime)")] decimal overtimeHours,
        [Description("Double-time hours (California)")] decimal doubleTimeHours,
        [Description("DayRate or PieceRate: names the rule")] PayBasis basis)
    {
        if (basis is not (PayBasis.DayRate or PayBasis.PieceRate))
        {
            throw new ArgumentException($"Day-rate or piece-rate pay expected, not {basis}.", nameof(basis));
        }

        // The unit hours go in at a rate of nothing and their pay as other remuneration, so the weighted average of
        // 778.115 is exactly 778.111's "total earnings ... divided by the number of hours worked", without dividing twice.
        IReadOnlyList<PaySegment> segments = unitHours > 0m ? [.. otherHours, new PaySegment(unitHours, 0m)] : otherHours;
        var hourly = RegularRateTools.Required(segments, unitEarnings + bonus, overtimeHours, doubleTimeHours);
        // Shown as straight-time earnings (payroll-check's straightTime): the day rates or piece earnings belong there.
        return hourly with
        {
            StraightTimeEarnings = hourly.StraightTimeEarnings + unitEarnings,
            OtherRemuneration = bonus,
            Rule = basis == PayBasis.DayRate ? DayRateRule : PieceRateRule,
        };
    }

    [Description("Days paid at a day rate in a workweek: the payroll line's days when it states them, else the days with clocked hours.")]
    public static decimal DaysWorked(
        [Description("Hours clocked on each day of the workweek")] IReadOnlyList<decimal> dailyHours,
        [Description("Days the payroll line says it pays at the day rate, or null")] decimal? statedDays) =>
        statedDays ?? dailyHours.Count(h => h > 0m);

    [Description("A day-rate or piece-rate employee's week from the clock and the payroll line: the day rate x days or the line's piece earnings, the base-rate hours they pay, other rates by the hour; null when a piece-rate week has no piece earnings on its line.")]
    public static RequiredPay? ForWeek(
        [Description("The employee, with Piecework set")] Employee employee,
        [Description("The week's clocked hours (TimecardTools.Workweek)")] WorkweekHours clocked,
        [Description("The week's split into regular, overtime and double-time hours")] OvertimeSplit split,
        [Description("The payroll line, or null")] PayrollLine? line,
        [Description("The minimum wage an hour for California rest-period pay (Labor Code 226.2) when the line states none, e.g. 16.90")] decimal minimumWage = CaliforniaPieceRateTools.CaliforniaMinimumWage,
        [Description("The minimum wage an hour the conditions of 29 CFR 778.418 are tested against when the line states none, e.g. 7.25")] decimal agreedMinimumWage = PieceRateOvertimeTools.FederalMinimumWage)
    {
        var pay = employee.Piecework ?? throw new ArgumentException($"Employee {employee.Id} is not paid by the day or the piece.", nameof(employee));
        decimal? units = pay.Basis == PayBasis.DayRate
            ? DaysWorked(clocked.DailyHours, line?.Days) * pay.DayRate
            : line?.PieceEarnings;
        if (units is not { } unitEarnings)
        {
            return null;
        }

        var unitHours = clocked.Segments.Where(s => s.Rate == employee.BaseRate).Sum(s => s.Hours);
        var other = clocked.Segments.Where(s => s.Rate != employee.BaseRate).ToList();
        IReadOnlyList<string> notes = [];
        if (pay.Basis == PayBasis.PieceRate && line is not null && (pay.OvertimePieceRate ?? line.OvertimePieceRate) is not null)
        {
            // Issue 16: an agreed overtime piece rate settles the overtime when 29 CFR 778.418 holds; else 778.111(a) below.
            var agreed = AgreedPieceRateTools.ForWeek(pay, line, unitHours, other, split, agreedMinimumWage);
            if (agreed.Week is { } settled)
            {
                return settled;
            }

            (unitEarnings, notes) = (agreed.PieceEarnings, agreed.Notes);
        }

        // Issue 16: 29 CFR 778.111(b): a week whose pieces fall short of the hourly guarantee is paid, and rated, by the guarantee.
        var guaranteed = pay.GuaranteedRate is { } rate ? PieceRateOvertimeTools.Guaranteed(unitEarnings, unitHours, rate) : unitEarnings;
        // Issue 16: Labor Code 226.2: a California piece-rate week pays its rest periods apart from the pieces, at the higher
        // of the week's average hourly rate and the minimum wage; that pay is straight-time pay, so it enters the regular rate.
        var rest = CaliforniaPieceRateTools.ForWeek(pay.Basis, employee.WorkState, guaranteed + other.Sum(s => s.Hours * s.Rate) + (line?.Bonus ?? 0m),
            clocked.TotalHours, line?.RestHours, line?.MinimumWage ?? minimumWage);
        var week = Required(guaranteed + (rest?.Pay ?? 0m), unitHours, other, line?.Bonus ?? 0m, split.OvertimeHours, split.DoubleTimeHours, pay.Basis);
        var rule = guaranteed > unitEarnings ? GuaranteeRule : week.Rule;
        return week with { Rule = rest is null ? rule : rule + "; " + CaliforniaPieceRateTools.Describe(rest), Notes = notes, RestPeriods = rest };
    }
}
