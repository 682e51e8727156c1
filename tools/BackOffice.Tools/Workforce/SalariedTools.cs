using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Workforce;

/// <summary>How often a salary is paid; converted to its weekly equivalent (29 CFR 778.113(b)).</summary>
public enum SalaryPeriod
{
    Weekly,
    Biweekly,
    Semimonthly,
    Monthly,
}

/// <summary>Which rule makes a non-exempt salary's regular rate (issue 16).</summary>
public enum SalaryRule
{
    /// <summary>29 CFR 778.113: the salary pays a fixed number of hours; rate = weekly salary / those hours; hours up to 40 at straight time, over 40 at 1.5x.</summary>
    FixedHours,

    /// <summary>29 CFR 778.114: the salary pays all hours, however many; rate = weekly salary / hours worked; over 40 at 0.5x more.</summary>
    FluctuatingWorkweek,

    /// <summary>California Labor Code 515(d): rate = 1/40 of the weekly salary; over 40 at 1.5x (fluctuating workweek not allowed, Skyline Homes v. DIR).</summary>
    CaliforniaFortyHours,
}

/// <summary>
/// One week of a salaried non-exempt employee. Rounding points, each to the cent half away from zero, as the published
/// examples do: the weekly equivalent of a non-weekly salary, the regular rate, and the overtime rate (1.5x the rounded
/// rate) or half-time rate (0.5x); the week's pay is the salary plus rounded rates times hours, rounded once.
/// </summary>
public sealed record SalariedWeek(
    decimal WeeklySalary, decimal RegularRate, decimal OvertimeRate, decimal ExtraStraightTimeHours, decimal OvertimeHours,
    decimal ExtraStraightTime, decimal OvertimePay, decimal Total, decimal DoubleTimeHours = 0m, decimal DoubleTimePay = 0m);

/// <summary>Regular rate and pay of salaried non-exempt employees (issue 16; figures.md 6.2 and 6.3).</summary>
public static class SalariedTools
{
    [Description("Weekly equivalent of a salary, rounded to the cent: weekly as is, biweekly / 2, semimonthly x 24 / 52, monthly x 12 / 52 (29 CFR 778.113(b)).")]
    public static decimal WeeklySalary(
        [Description("The salary for one pay period, in dollars")] decimal salary,
        [Description("Weekly, Biweekly, Semimonthly or Monthly")] SalaryPeriod period) => MoneyMath.RoundToCent(period switch
        {
            SalaryPeriod.Weekly => salary,
            SalaryPeriod.Biweekly => salary / 2m,
            SalaryPeriod.Semimonthly => salary * 24m / 52m,
            _ => salary * 12m / 52m,
        });

    [Description("A salaried non-exempt employee's week: regular rate, overtime rate, extra straight time, overtime pay and total, by the fixed-hours (29 CFR 778.113), fluctuating-workweek (778.114) or California 1/40 (Labor Code 515(d)) rule.")]
    public static SalariedWeek Week(
        [Description("Weekly salary (see WeeklySalary), in dollars")] decimal weeklySalary,
        [Description("Hours the salary is intended to pay (fixed-hours rule), e.g. 35 or 40")] decimal salaryHours,
        [Description("Hours worked in the workweek")] decimal hoursWorked,
        [Description("FixedHours, FluctuatingWorkweek or CaliforniaFortyHours")] SalaryRule rule) =>
        Due(weeklySalary, salaryHours, rule, Math.Min(hoursWorked, 40m), Math.Max(0m, hoursWorked - 40m), 0m);

    [Description("A salaried non-exempt employee's week from hours already split by the overtime rules (California's daily overtime and double time included): regular rate, overtime and double-time pay, and total, by the fixed-hours, fluctuating-workweek or California 1/40 rule.")]
    public static SalariedWeek Due(
        [Description("Weekly salary (see WeeklySalary), in dollars")] decimal weeklySalary,
        [Description("Hours the salary is intended to pay (fixed-hours rule), e.g. 35 or 40")] decimal salaryHours,
        [Description("FixedHours, FluctuatingWorkweek or CaliforniaFortyHours")] SalaryRule rule,
        [Description("Straight-time hours of the week")] decimal regularHours,
        [Description("Overtime (1.5x) hours of the week")] decimal overtimeHours,
        [Description("Double-time (2x) hours of the week; California only")] decimal doubleTimeHours)
    {
        var hoursWorked = regularHours + overtimeHours + doubleTimeHours;
        if (hoursWorked <= 0m || (rule == SalaryRule.FixedHours && (salaryHours <= 0m || salaryHours > 40m)))
        {
            throw new ArgumentException("A salaried week needs hours worked, and the fixed-hours rule hours of 1 to 40 the salary pays.", nameof(regularHours));
        }

        var divisor = rule switch
        {
            SalaryRule.FixedHours => salaryHours,
            SalaryRule.FluctuatingWorkweek => hoursWorked,
            _ => 40m,
        };
        // Rounding points (the published examples round each): the rate, then each premium rate, to the cent.
        var rate = MoneyMath.RoundToCent(weeklySalary / divisor);
        // Under the fluctuating workweek the salary already paid every hour at straight time: only the half (or, for a
        // double-time hour, the whole) rate more is owed. DERIVED for double time: FWW is not allowed where it arises (CA).
        var fluctuating = rule == SalaryRule.FluctuatingWorkweek;
        var overtimeRate = MoneyMath.RoundToCent(rate * (fluctuating ? 0.5m : 1.5m));
        var doubleTimeRate = MoneyMath.RoundToCent(rate * (fluctuating ? 1m : 2m));
        var extraHours = rule == SalaryRule.FixedHours ? Math.Max(0m, regularHours - salaryHours) : 0m;
        var extra = extraHours * rate;
        var overtime = overtimeHours * overtimeRate;
        var doubleTime = doubleTimeHours * doubleTimeRate;
        return new SalariedWeek(weeklySalary, rate, overtimeRate, extraHours, overtimeHours, extra, overtime,
            MoneyMath.RoundToCent(weeklySalary + extra + overtime + doubleTime), doubleTimeHours, doubleTime);
    }
}
