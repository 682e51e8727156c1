using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Labor;

/// <summary>
/// One employee's burden per hour worked from the calculator (issue 16): <see cref="LaborBurdenResult.BurdenedRatePerHourWorked"/>
/// less the base rate, so a shift at another rate carries the same dollars of burden per hour.
/// </summary>
/// <paramref name="PremiumBurdenShare"/> (issue 16): the burden charged on a dollar of overtime premium, the components
/// that apply to it (<see cref="BurdenComponent.AppliesToOvertimePremium"/>) over the year's wages, after wage-base caps
/// (an average over the year, unrounded).
public sealed record EmployeeBurdenRate(string EmployeeId, decimal BaseRate, decimal BurdenedRatePerHourWorked, decimal PremiumBurdenShare = 0m)
{
    public decimal BurdenPerHour => BurdenedRatePerHourWorked - BaseRate;
}

/// <summary>
/// A job's labor burden to date (issue 16). <paramref name="RawTimecardLabor"/> is the clocked hours of employees with
/// burden data at their shift or base rate; <paramref name="BurdenedTimecardLabor"/> the same hours at the burdened rate;
/// <paramref name="FallbackLabor"/> the rest of the ledger's labor (employees without burden data, labor not clocked),
/// burdened at the flat percent (<paramref name="FallbackBurden"/>). Issue 16: <paramref name="OvertimePremium"/> is the
/// clocked overtime's premium above straight time (in the raw labor) and <paramref name="OvertimePremiumBurden"/> the burden
/// charged on it (in the burdened labor).
/// </summary>
public sealed record JobLaborBurden(
    string JobId, decimal LedgerLabor, decimal RawTimecardLabor, decimal BurdenedTimecardLabor, decimal FallbackLabor, decimal FallbackBurden,
    decimal OvertimePremium = 0m, decimal OvertimePremiumBurden = 0m)
{
    public decimal CalculatorBurden => BurdenedTimecardLabor - RawTimecardLabor;

    public decimal TotalBurden => CalculatorBurden + FallbackBurden;
}

/// <summary>
/// Labor burden of a job through the per-employee calculator (issue 16), the flat percent only as the fallback.
/// Rounding points, each to the cent half away from zero: an employee's burdened rate (in <see cref="LaborBurdenTools"/>),
/// raw labor and burden of each (employee, rate) group of hours, and the fallback burden (<see cref="MoneyMath.PercentOf"/>).
/// </summary>
public static class JobLaborBurdenTools
{
    [Description("An employee's burdened rate per hour worked from the burden calculator, at the employee's base rate for a year of the configured hours.")]
    public static EmployeeBurdenRate RateOf(
        [Description("The employee")] Employee employee,
        [Description("Paid hours, hours worked and the burden components, as the labor-burden report uses them")] LaborBurdenInput year) =>
        PremiumShare(employee, LaborBurdenTools.Compute(year with { HourlyRate = employee.BaseRate }), year.Components);

    private static EmployeeBurdenRate PremiumShare(Employee employee, LaborBurdenResult result, IReadOnlyList<BurdenComponent> components)
    {
        var onPremium = result.Lines.Zip(components).Where(p => p.Second.AppliesToOvertimePremium).Sum(p => p.First.AnnualCost);
        return new(employee.Id, employee.BaseRate, result.BurdenedRatePerHourWorked, result.Wages == 0m ? 0m : onPremium / result.Wages);
    }

    [Description("The key of a burdened rate in the rates by employee: the employee id for the employee's own trade, the id and the trade worked (any case) for a timecard's own trade.")]
    public static string RateKey(
        [Description("Employee id")] string employeeId,
        [Description("The trade worked on the timecards; null or empty: the employee's own")] string? trade) =>
        string.IsNullOrWhiteSpace(trade) ? employeeId : $"{employeeId}@{trade.Trim().ToUpperInvariant()}";

    /// <summary>
    /// Issue 16: the rate for hours worked in a trade: the trade's own rate (<see cref="RateKey"/>), else the employee's,
    /// so a timecard's trade the caller priced no rate for is burdened as the employee's trade.
    /// </summary>
    private static bool TryRate(
        IReadOnlyDictionary<string, EmployeeBurdenRate> rates, string employeeId, string? trade, [MaybeNullWhen(false)] out EmployeeBurdenRate rate) =>
        rates.TryGetValue(RateKey(employeeId, trade), out rate) || rates.TryGetValue(employeeId, out rate);

    [Description("A job's labor burden to date: clocked hours of employees with burden data at their burdened rate, the clocked overtime's premium with the burden that applies to it, and the rest of the ledger's labor at the flat burden percent.")]
    public static JobLaborBurden ForJob(
        [Description("Project job id")] string jobId,
        [Description("The job's clocked hours by employee and shift rate as of the date")] IReadOnlyList<JobLaborHours> hours,
        [Description("Burdened rates of the employees that have burden data, by RateKey: employee id, or employee id and a timecard's trade")] IReadOnlyDictionary<string, EmployeeBurdenRate> rates,
        [Description("The job's labor cost to date as posted in the ledger (labor cost codes or accounts), in dollars")] decimal ledgerLabor,
        [Description("Flat labor burden percent for labor without burden data, e.g. 32.5")] decimal fallbackPercent,
        [Description("Overtime and double-time hours by job, employee and shift rate (OvertimeAllocationTools.Allocate); none: overtime at straight time")] IReadOnlyList<JobOvertimeHours>? overtime = null,
        [Description("Overtime pay multiplier, e.g. 1.5 (double time is 2)")] decimal overtimeMultiplier = 1.5m)
    {
        decimal raw = 0m, burden = 0m;
        foreach (var group in hours.Where(h => h.JobId == jobId))
        {
            if (TryRate(rates, group.EmployeeId, group.Trade, out var rate))
            {
                raw += MoneyMath.RoundToCent(group.Hours * (group.Rate ?? rate.BaseRate));
                burden += MoneyMath.RoundToCent(group.Hours * rate.BurdenPerHour);
            }
        }

        var (premium, premiumBurden) = Premium(jobId, overtime ?? [], rates, overtimeMultiplier);
        raw += premium;
        // Labor the calculator did not burden: the ledger's labor beyond the clocked labor of employees with burden data.
        var fallbackLabor = Math.Max(0m, ledgerLabor - raw);
        return new JobLaborBurden(jobId, ledgerLabor, raw, raw + burden + premiumBurden, fallbackLabor,
            MoneyMath.PercentOf(fallbackLabor, fallbackPercent), premium, premiumBurden);
    }

    /// <summary>
    /// Issue 16: the overtime premium above straight time (overtime hours x rate x (multiplier - 1), double-time hours x
    /// rate x 1) and its burden (premium x the share of burden charged on premium), each rounded to the cent per
    /// (employee, shift rate) group, half away from zero. Straight time of those hours is already in the hours above.
    /// </summary>
    private static (decimal Premium, decimal Burden) Premium(
        string jobId, IReadOnlyList<JobOvertimeHours> overtime, IReadOnlyDictionary<string, EmployeeBurdenRate> rates, decimal multiplier)
    {
        decimal premium = 0m, burden = 0m;
        foreach (var group in overtime.Where(o => o.JobId == jobId))
        {
            if (TryRate(rates, group.EmployeeId, group.Trade, out var rate))
            {
                var groupPremium = MoneyMath.RoundToCent((group.Rate ?? rate.BaseRate) * (group.OvertimeHours * (multiplier - 1m) + group.DoubleTimeHours));
                premium += groupPremium;
                burden += MoneyMath.RoundToCent(groupPremium * rate.PremiumBurdenShare);
            }
        }

        return (premium, burden);
    }
}
