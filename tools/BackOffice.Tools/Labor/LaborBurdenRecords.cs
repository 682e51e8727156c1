namespace BackOffice.Tools.Labor;

/// <summary>How a burden component is charged.</summary>
public enum BurdenBasis
{
    /// <summary><see cref="BurdenComponent.Rate"/> percent of wages, up to the wage base when one is set (FICA, FUTA, SUTA, GL, union benefits).</summary>
    PercentOfWages,

    /// <summary><see cref="BurdenComponent.Rate"/> dollars per $100 of wages, up to the wage base when set (workers' compensation).</summary>
    PerHundredOfWages,

    /// <summary><see cref="BurdenComponent.Rate"/> dollars a month, twelve months a year (health insurance and other fixed benefits).</summary>
    MonthlyFixed,

    /// <summary>Issue 16: <see cref="BurdenComponent.Rate"/> dollars per hour paid, overtime hours included (union fringes per hour).</summary>
    PerHour,
}

/// <summary>
/// One burden component: a name as the report shows it, its basis, its rate, and an annual wage base (cap) when the rule
/// has one. <paramref name="OnOvertimePremium"/> (issue 16): whether it is also charged on the overtime premium (the
/// half or whole rate above straight time). Unset: percent-of-wages components yes (payroll taxes are due on all wages,
/// overtime included: FICA, Medicare, FUTA, SUTA), per-$100 components no (workers' compensation payroll excludes the
/// premium portion of overtime, NCCI Basic Manual Rule 2-B-1-d and 2-C-2, except in a few states such as Pennsylvania
/// and Delaware: set it true there), monthly fixed benefits no (they do not grow with hours).
/// </summary>
public sealed record BurdenComponent(string Name, BurdenBasis Basis, decimal Rate, decimal? WageBase = null, bool? OnOvertimePremium = null)
{
    public bool AppliesToOvertimePremium => OnOvertimePremium ?? Basis == BurdenBasis.PercentOfWages;
}

/// <summary>
/// One employee or trade for a year: the straight-time rate, hours paid at straight time, overtime hours and their
/// multiplier, bonuses and allowances (wages too), and the hours actually worked (paid hours less vacation, holidays and
/// sick time; null means all paid hours are worked).
/// </summary>
public sealed record LaborBurdenInput(
    decimal HourlyRate, decimal PaidHours, IReadOnlyList<BurdenComponent> Components, decimal OvertimeHours = 0m, decimal OvertimeMultiplier = 1.5m,
    decimal Bonuses = 0m, decimal Allowances = 0m, decimal? HoursWorked = null);

/// <summary>A component's annual cost (rounded to the cent) and the wages it was charged on (capped by the wage base).</summary>
public sealed record BurdenLine(string Name, decimal ChargedOn, decimal AnnualCost);

/// <summary>
/// The burden of one employee or trade for a year. <paramref name="BurdenPercent"/> is burden / wages in percent, two
/// places; the hourly figures are (wages + burden) / hours, rounded to the cent; all half away from zero.
/// </summary>
public sealed record LaborBurdenResult(
    decimal Wages, IReadOnlyList<BurdenLine> Lines, decimal Burden, decimal TotalCost, decimal BurdenPercent,
    decimal BurdenedRatePerPaidHour, decimal BurdenedRatePerHourWorked);
