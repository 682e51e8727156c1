using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// The overtime owed on a flat-sum bonus (issue 16). <paramref name="PerHour"/> is unrounded; <paramref name="Premium"/>
/// is rounded once to the cent, half away from zero.
/// </summary>
public sealed record BonusOvertime(string Rule, decimal PerHour, decimal Premium);

/// <summary>
/// Overtime on a flat-sum bonus, federal and Californian. Federal (29 CFR 778.110(b), 778.209): the bonus raises the
/// regular rate by bonus / all hours worked; each overtime hour owes half of that more. California, Alvarado v. Dart
/// Container Corp. of California (2018) 4 Cal.5th 542: the per-hour value is bonus / non-overtime hours actually worked,
/// and each overtime hour owes 1.5 times it (double-time hours 2 times, by Labor Code 510, DERIVED by analogy).
/// </summary>
public static class FlatSumBonusTools
{
    [Description("Federal overtime on a non-discretionary bonus: bonus / all hours worked x 0.5 per overtime hour (29 CFR 778.110(b)); rounded to the cent.")]
    public static BonusOvertime Federal(
        [Description("The bonus earned in the workweek, in dollars")] decimal bonus,
        [Description("All hours worked in the workweek")] decimal hoursWorked,
        [Description("Overtime hours of the workweek")] decimal overtimeHours)
    {
        var perHour = hoursWorked > 0m ? bonus / hoursWorked : throw new ArgumentException("A bonus's overtime needs hours worked.", nameof(hoursWorked));
        return new BonusOvertime("federal 29 CFR 778.110(b)", perHour, MoneyMath.RoundToCent(perHour * 0.5m * overtimeHours));
    }

    [Description("California overtime on a flat-sum bonus (Alvarado v. Dart, 2018): bonus / non-overtime hours worked x 1.5 per overtime hour (x 2 per double-time hour); rounded to the cent.")]
    public static BonusOvertime California(
        [Description("The flat-sum bonus earned in the pay period, in dollars")] decimal bonus,
        [Description("Non-overtime hours actually worked in the pay period")] decimal nonOvertimeHours,
        [Description("Overtime hours (1.5x) of the pay period")] decimal overtimeHours,
        [Description("Double-time hours (2x) of the pay period")] decimal doubleTimeHours = 0m)
    {
        var perHour = nonOvertimeHours > 0m ? bonus / nonOvertimeHours : throw new ArgumentException("Alvarado divides by non-overtime hours worked; there are none.", nameof(nonOvertimeHours));
        return new BonusOvertime("California, Alvarado v. Dart (2018) 4 Cal.5th 542", perHour,
            MoneyMath.RoundToCent(perHour * (1.5m * overtimeHours + 2m * doubleTimeHours)));
    }
}
