using BackOffice.Tools.Financial;

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

    /// <summary>Issue 16: a loss job's gross profit in WIP, FullLoss (GAAP, the default) or PercentCompleteShare.</summary>
    public WipLossRecognition LossRecognition { get; init; } = WipLossRecognition.FullLoss;

    /// <summary>Issue 16: the loss provision in its own column (Separate, the default) or NettedInOverUnderBilling.</summary>
    public WipProvisionPresentation LossProvision { get; init; } = WipProvisionPresentation.Separate;

    /// <summary>Issue 16: ledger account ids whose postings are SG&amp;A; empty = Expense-type accounts' postings on no job.</summary>
    public IReadOnlyList<string> SgaAccounts { get; init; } = [];

    /// <summary>
    /// Issue 16: labor burden in WIP per employee through the burden calculator (<see cref="EmployeeBurden"/>, the
    /// `Agents:workforce:LaborBurden` settings) from the clocked hours; <see cref="LaborBurdenPercent"/> then burdens only
    /// the labor of employees without burden data.
    /// </summary>
    public bool BurdenFromTimecards { get; init; }

    /// <summary>The burden calculator's settings, bound from `Agents:workforce:LaborBurden` (the labor-burden report's).</summary>
    public Workforce.LaborBurdenOptions EmployeeBurden { get; init; } = new();

    /// <summary>
    /// Issue 16: the workweek that overtime in labor burden is counted in, from `Agents:workforce:WorkweekStart` (the
    /// payroll check's; default Monday; a tenant's own override of it is not read here).
    /// </summary>
    public DayOfWeek WorkweekStart { get; set; } = DayOfWeek.Monday;

    /// <summary>
    /// Issue 14: how approved direct costs from the project system (Procore's Direct Costs) count in job cost: Match
    /// (the default: one the ledger also carries, same vendor, invoice number and amount, counts once), Include, or
    /// ExcludeWhenLedgerConnected (none while the ledger has any bill).
    /// </summary>
    public BackOffice.Tools.Financial.DirectCostMode DirectCosts { get; init; } = BackOffice.Tools.Financial.DirectCostMode.Match;

    /// <summary>Issue 16: tiered retainage per subcontract; others are held at their flat retainage percent.</summary>
    public IReadOnlyList<RetainageScheduleOptions> RetainageSchedules { get; init; } = [];

    /// <summary>
    /// Issue 17: days an owner takes to pay a pay application, for the cash forecast's expected billings, until the
    /// customer's own terms are read (<see cref="OwnerPaymentTerms.DueDays"/>). Default 30 (net 30).
    /// </summary>
    public int OwnerPaymentDays { get; init; } = 30;

    public WipPresentation WipPresentation => new(LossRecognition, LossProvision);

    public bool LoadsCost => LaborBurdenPercent > 0m || OverheadPercent > 0m || BurdenFromTimecards;

    public bool Valid => LaborBurdenPercent is >= 0m and <= 200m && OverheadPercent is >= 0m and <= 100m
        && Enum.IsDefined(LossRecognition) && Enum.IsDefined(LossProvision) && SgaAccounts.All(a => !string.IsNullOrWhiteSpace(a))
        && (!BurdenFromTimecards || (EmployeeBurden.Components.Count > 0 && EmployeeBurden.Valid && Enum.IsDefined(WorkweekStart)))
        && RetainageSchedules.All(r => r.Valid) && OwnerPaymentDays is >= 0 and <= 365;

    /// <summary>What <see cref="Valid"/> checks, as the start-up error says it.</summary>
    public const string ValidRule = SectionName + ": LaborBurdenPercent 0-200, OverheadPercent 0-100, LossRecognition FullLoss|PercentCompleteShare, "
        + "LossProvision Separate|NettedInOverUnderBilling, SgaAccounts without blanks, BurdenFromTimecards needs valid Agents:workforce:LaborBurden components (OvertimeMultiplier 1-3) and a day name in Agents:workforce:WorkweekStart, "
        + "RetainageSchedules each with a Commitment and tiers ascending within 0-100 ending without UpToPercentComplete, OwnerPaymentDays 0-365";
}
