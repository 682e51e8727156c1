using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// The pay a week requires by the employee's pay basis and the bonus's kind (issue 16). Hourly with an ordinary bonus:
/// the weighted-average regular rate (RegularRateTools, 29 CFR 778.115). Hourly in California with a flat-sum bonus:
/// the hourly rate's overtime plus the bonus valued per non-overtime hour at 1.5x (Alvarado v. Dart Container, 2018).
/// Salaried: SalariedTools by the fixed-hours (778.113), fluctuating-workweek (778.114) or, in California, 1/40 rule
/// (Labor Code 515(d)); a bonus beside a salary adds its own overtime (federal 778.110(b) or Alvarado), DERIVED from
/// 778.114(a)'s "salary plus non-excludable pay over all hours", which this sum reproduces for the fluctuating workweek.
/// </summary>
public static class PayBasisTools
{
    [Description("The salary rule for a pay basis in a work state: fixed hours (29 CFR 778.113), fluctuating workweek (778.114), or in California always 1/40 of the weekly salary (Labor Code 515(d)); null for hourly pay.")]
    public static SalaryRule? RuleFor(
        [Description("Hourly, SalaryFixed or SalaryFluctuating")] PayBasis basis,
        [Description("Two-letter state where the work is done, e.g. CA")] string workState) => basis switch
        {
            PayBasis.Hourly => null,
            _ when OvertimeTools.RuleFor(workState) == OvertimeRule.California => SalaryRule.CaliforniaFortyHours,
            PayBasis.SalaryFixed => SalaryRule.FixedHours,
            _ => SalaryRule.FluctuatingWorkweek,
        };

    [Description("The gross pay a workweek requires by pay basis (hourly or salaried) and bonus kind (ordinary or California flat-sum), with the rule used named; rounded once per rule as stated in each tool.")]
    public static RequiredPay Required(
        [Description("The employee, with the salary when salaried")] Employee employee,
        [Description("The week's hours split by the work state's overtime rules")] OvertimeSplit split,
        [Description("Hours worked at each straight-time rate (hourly pay)")] IReadOnlyList<PaySegment> segments,
        [Description("The week's bonus, in dollars")] decimal bonus,
        [Description("True when the bonus is a flat sum (California values it per non-overtime hour)")] bool flatSumBonus)
    {
        var californiaFlatSum = flatSumBonus && bonus != 0m && split.Rule == OvertimeRule.California;
        if (employee.Salary is not { Basis: not PayBasis.Hourly } salary)
        {
            return californiaFlatSum
                ? HourlyAlvarado(segments, bonus, split)
                : RegularRateTools.Required(segments, bonus, split.OvertimeHours, split.DoubleTimeHours);
        }

        var rule = RuleFor(salary.Basis, employee.WorkState)!.Value;
        var period = Enum.Parse<SalaryPeriod>(salary.Period, ignoreCase: true);
        var week = SalariedTools.Due(SalariedTools.WeeklySalary(salary.Amount, period), salary.Hours, rule,
            split.RegularHours, split.OvertimeHours, split.DoubleTimeHours);
        var bonusOvertime = bonus == 0m ? null
            : californiaFlatSum ? FlatSumBonusTools.California(bonus, split.RegularHours, split.OvertimeHours, split.DoubleTimeHours)
            : FlatSumBonusTools.Federal(bonus, split.TotalHours, split.OvertimeHours + split.DoubleTimeHours);
        var bonusPremium = bonusOvertime?.Premium ?? 0m;
        // Every part is already in cents (SalariedTools and FlatSumBonusTools round), so the sum needs no further rounding.
        return new RequiredPay(split.TotalHours, week.WeeklySalary + week.ExtraStraightTime, bonus, week.RegularRate,
            week.OvertimePay, week.DoubleTimePay, MoneyMath.RoundToCent(week.Total + bonus + bonusPremium),
            RuleName(rule) + (bonusOvertime is null ? "" : "; bonus: " + bonusOvertime.Rule), bonusPremium, week.OvertimeRate);
    }

    /// <summary>Names the salaried rule as the report shows it.</summary>
    public static string RuleName(SalaryRule rule) => rule switch
    {
        SalaryRule.FixedHours => "salary for fixed hours, 29 CFR 778.113",
        SalaryRule.FluctuatingWorkweek => "fluctuating workweek, 29 CFR 778.114",
        _ => "California salary, 1/40 of the week (Labor Code 515(d))",
    };

    /// <summary>
    /// Alvarado: the hourly rate's own overtime (bonus left out of the weighted average), then the bonus per non-overtime
    /// hour x 1.5 per overtime hour (x 2 per double-time hour). Rounding: the bonus premium to the cent (FlatSumBonusTools),
    /// then the week's total once.
    /// </summary>
    private static RequiredPay HourlyAlvarado(IReadOnlyList<PaySegment> segments, decimal bonus, OvertimeSplit split)
    {
        var hourly = RegularRateTools.Required(segments, 0m, split.OvertimeHours, split.DoubleTimeHours);
        var onBonus = FlatSumBonusTools.California(bonus, split.RegularHours, split.OvertimeHours, split.DoubleTimeHours);
        var total = MoneyMath.RoundToCent(hourly.StraightTimeEarnings + hourly.OvertimePremium + hourly.DoubleTimePremium + bonus + onBonus.Premium);
        return new RequiredPay(hourly.TotalHours, hourly.StraightTimeEarnings, bonus, hourly.RegularRate + onBonus.PerHour,
            hourly.OvertimePremium, hourly.DoubleTimePremium, total, "hourly; bonus: " + onBonus.Rule, onBonus.Premium);
    }
}
