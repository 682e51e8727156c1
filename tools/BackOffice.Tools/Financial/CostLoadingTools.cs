using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Financial;

/// <summary>Direct cost loaded with labor burden and overhead: each part rounded to the cent once, in <see cref="MoneyMath.PercentOf"/>.</summary>
public sealed record LoadedCost(decimal DirectCost, decimal LaborCost, decimal LaborBurden, decimal Overhead)
{
    public decimal Total => DirectCost + LaborBurden + Overhead;
}

/// <summary>
/// Overhead allocation and labor burden (issue 3). Basis implemented: labor burden = a percent of labor cost (the
/// direct cost on cost codes or GL accounts designated as labor: payroll taxes, workers' comp, benefits); overhead =
/// a percent of direct cost (labor, subcontract and material, before burden), the simplest of the common allocation
/// bases and the one a controller can check by hand. Both percents 0 leave cost exactly as it was.
/// </summary>
public static class CostLoadingTools
{
    [Description("Load a job's direct cost with labor burden (percent of labor cost) and overhead (percent of direct cost). Amounts in dollars.")]
    public static LoadedCost Load(
        [Description("Direct cost in dollars (labor, subcontract, material), e.g. 125000.00")] decimal directCost,
        [Description("The part of the direct cost that is labor, in dollars, e.g. 40000.00")] decimal laborCost,
        [Description("Labor burden as a percent of labor cost, e.g. 32.5 for 32.5%")] decimal laborBurdenPercent,
        [Description("Overhead as a percent of direct cost, e.g. 8 for 8%")] decimal overheadPercent)
    {
        if (laborBurdenPercent < 0m || overheadPercent < 0m)
        {
            throw new ArgumentOutOfRangeException(laborBurdenPercent < 0m ? nameof(laborBurdenPercent) : nameof(overheadPercent), "percentages are not negative");
        }

        return new LoadedCost(directCost, laborCost, MoneyMath.PercentOf(laborCost, laborBurdenPercent), MoneyMath.PercentOf(directCost, overheadPercent));
    }
}
