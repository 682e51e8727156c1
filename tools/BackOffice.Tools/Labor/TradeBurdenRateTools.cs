using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Labor;

/// <summary>
/// Burdened rates by the trade worked (issue 16): an employee who works as a carpenter one day and a laborer the next is
/// burdened at each day's trade. The timecard's own trade picks the profile (<see cref="BurdenProfileTools.ComponentsFor"/>)
/// when it carries one; otherwise the employee's trade does. The rate is always the employee's base rate for a year of
/// the configured hours (<see cref="JobLaborBurdenTools.RateOf"/>), so only the components change with the trade.
/// </summary>
public static class TradeBurdenRateTools
{
    [Description("Burdened rates per hour worked by JobLaborBurdenTools.RateKey: each employee with a base rate above zero at its own trade's components, and at each other trade its clocked hours carry.")]
    public static IReadOnlyDictionary<string, EmployeeBurdenRate> Rates(
        [Description("Every employee (trade and base rate)")] IReadOnlyList<Employee> employees,
        [Description("Clocked hours by job, employee, shift rate and trade worked")] IReadOnlyList<JobLaborHours> hours,
        [Description("The company default components and each trade's profile")] TradeBurdenSettings settings)
    {
        var rates = new Dictionary<string, EmployeeBurdenRate>(StringComparer.Ordinal);
        var withData = employees.Where(e => e.BaseRate > 0m).ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var employee in withData.Values)
        {
            rates[employee.Id] = RateIn(employee, employee.Trade, settings);
        }

        foreach (var worked in hours.Where(h => !string.IsNullOrWhiteSpace(h.Trade) && withData.ContainsKey(h.EmployeeId)))
        {
            var key = JobLaborBurdenTools.RateKey(worked.EmployeeId, worked.Trade);
            if (!rates.ContainsKey(key))
            {
                rates[key] = RateIn(withData[worked.EmployeeId], worked.Trade!, settings);
            }
        }

        return rates;
    }

    [Description("One employee's burdened rate per hour worked at the components of a trade (its profile over the company default).")]
    public static EmployeeBurdenRate RateIn(
        [Description("The employee (base rate)")] Employee employee,
        [Description("The trade worked, e.g. Laborer")] string trade,
        [Description("The company default components and each trade's profile")] TradeBurdenSettings settings) =>
        JobLaborBurdenTools.RateOf(employee, new LaborBurdenInput(0m, settings.PaidHours,
            BurdenProfileTools.ComponentsFor(trade, settings.CompanyDefault, settings.Profiles).Components, HoursWorked: settings.HoursWorked));
}

/// <summary>What a burdened rate is computed from (issue 16): the year's paid and worked hours, the company default components, every trade's profile.</summary>
public sealed record TradeBurdenSettings(
    decimal PaidHours, decimal? HoursWorked, IReadOnlyList<BurdenComponent> CompanyDefault, IReadOnlyList<TradeBurdenComponent> Profiles);
