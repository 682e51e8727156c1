namespace BackOffice.Agents.Financial;

/// <summary>
/// Settings of the Financial agent, appsettings.json `Agents:financial` (issue 3). Cost loading is off by default:
/// with both percents 0, WIP cost to date and the estimate at completion are the ledger's and the PM's figures as they are.
/// </summary>
public sealed class FinancialOptions
{
    public const string SectionName = "Agents:financial";

    /// <summary>Labor burden as a percent of labor cost (e.g. 32.5).</summary>
    public decimal LaborBurdenPercent { get; init; }

    /// <summary>Overhead allocated to jobs as a percent of direct cost (e.g. 8).</summary>
    public decimal OverheadPercent { get; init; }

    /// <summary>Cost codes whose cost is labor (cost to date and, from the budget, the estimate at completion).</summary>
    public IReadOnlyList<string> LaborCostCodes { get; init; } = [];

    /// <summary>GL accounts whose cost is labor (cost to date only: the budget is kept by cost code, not by account).</summary>
    public IReadOnlyList<string> LaborAccounts { get; init; } = [];

    public bool LoadsCost => LaborBurdenPercent > 0m || OverheadPercent > 0m;

    public bool Valid => LaborBurdenPercent is >= 0m and <= 200m && OverheadPercent is >= 0m and <= 100m;
}
