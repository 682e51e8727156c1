using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Labor;

/// <summary>
/// The labor burden calculator (issue 16), after Peterson, Construction Accounting and Financial Management, ch. 8:
/// hourly cost = total annual cost / hours worked. Wages = rate x paid hours + rate x multiplier x overtime hours +
/// bonuses + allowances. Rounding points: each component's annual cost to the cent (percent x capped wages, or per-$100
/// rate x capped wages / 100, or monthly x 12, or per hour x paid hours); burden percent to two places; each burdened hourly rate to the cent; all
/// half away from zero. Wage bases are annual and per employer (a mid-year hire's base is the caller's business).
/// </summary>
public static class LaborBurdenTools
{
    [Description("Burdened cost of one employee or trade for a year: each burden component (FICA with its wage base, Medicare, FUTA, SUTA, workers' compensation per $100, general liability, benefits) and the burdened hourly rate and burden percent.")]
    public static LaborBurdenResult Compute(
        [Description("Hourly rate, paid hours, overtime, bonuses, allowances, hours worked and the burden components with their rates and wage bases")] LaborBurdenInput input)
    {
        Check(input);
        var wages = MoneyMath.RoundToCent(input.HourlyRate * input.PaidHours + input.HourlyRate * input.OvertimeMultiplier * input.OvertimeHours
                                          + input.Bonuses + input.Allowances);
        var paidHours = input.PaidHours + input.OvertimeHours;
        var lines = input.Components.Select(c => Line(c, wages, paidHours)).ToList();
        var burden = lines.Sum(l => l.AnnualCost);
        var total = wages + burden;
        var worked = input.HoursWorked ?? paidHours;
        return new LaborBurdenResult(wages, lines, burden, total,
            wages == 0m ? 0m : Math.Round(burden / wages * 100m, 2, MidpointRounding.AwayFromZero),
            MoneyMath.RoundToCent(total / paidHours), MoneyMath.RoundToCent(total / worked));
    }

    private static BurdenLine Line(BurdenComponent component, decimal wages, decimal paidHours)
    {
        var chargedOn = component.WageBase is { } cap ? Math.Min(wages, cap) : wages;
        return component.Basis switch
        {
            BurdenBasis.PercentOfWages => new(component.Name, chargedOn, MoneyMath.PercentOf(chargedOn, component.Rate)),
            BurdenBasis.PerHundredOfWages => new(component.Name, chargedOn, MoneyMath.RoundToCent(chargedOn * component.Rate / 100m)),
            BurdenBasis.MonthlyFixed => new(component.Name, 0m, MoneyMath.RoundToCent(component.Rate * 12m)),
            // Issue 16: a union fringe per hour is owed on every hour paid, wage bases aside.
            BurdenBasis.PerHour => new(component.Name, 0m, MoneyMath.RoundToCent(component.Rate * paidHours)),
            _ => throw new ArgumentOutOfRangeException(nameof(component), component.Basis, "Unknown burden basis."),
        };
    }

    private static void Check(LaborBurdenInput input)
    {
        if (input.PaidHours + input.OvertimeHours <= 0m || input.HoursWorked is <= 0m)
        {
            throw new ArgumentException("A burdened rate needs paid hours and hours worked above zero.", nameof(input));
        }

        if (input.Components.FirstOrDefault(c => c.Rate < 0m || c.WageBase < 0m) is { } bad)
        {
            throw new ArgumentException($"Burden component '{bad.Name}' has a negative rate or wage base.", nameof(input));
        }
    }
}
