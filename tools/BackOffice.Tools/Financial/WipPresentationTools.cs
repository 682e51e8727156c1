using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.Financial;

/// <summary>How a loss job's gross profit to date is recognised (issue 16).</summary>
public enum WipLossRecognition
{
    /// <summary>The whole anticipated loss as soon as it is evident (GAAP, ASC 605-35-25-46): the default.</summary>
    FullLoss,

    /// <summary>Only the percent-complete share of the loss (earned revenue less cost to date); not GAAP for a loss job.</summary>
    PercentCompleteShare,
}

/// <summary>Where the provision for an anticipated loss on the work still to do is shown (issue 16).</summary>
public enum WipProvisionPresentation
{
    /// <summary>As its own liability column; over (under) billing is billings less earned revenue: the default.</summary>
    Separate,

    /// <summary>Netted into over (under) billing: billings less (earned revenue less the provision).</summary>
    NettedInOverUnderBilling,
}

/// <summary>The configured presentation of a WIP schedule (issue 16), with the label the report prints.</summary>
public sealed record WipPresentation(WipLossRecognition Recognition, WipProvisionPresentation Provision)
{
    public static WipPresentation Default { get; } = new(WipLossRecognition.FullLoss, WipProvisionPresentation.Separate);

    public string Label => Recognition == WipLossRecognition.PercentCompleteShare
        ? "loss: percent-complete share (not GAAP; no provision)"
        : Provision == WipProvisionPresentation.NettedInOverUnderBilling
            ? "loss: full at once (ASC 605-35), provision netted into over/under billing"
            : "loss: full at once (ASC 605-35), provision shown separately";
}

/// <summary>
/// One WIP line as the configured presentation shows it. <paramref name="LossProvision"/> is the provision shown in its
/// own column (0 when netted or not recognised); <paramref name="OtherGrossProfitToDate"/> and
/// <paramref name="OtherPeriodGrossProfit"/> are the other recognition, for comparison only.
/// </summary>
public sealed record WipPresentedLine(
    string JobId, decimal GrossProfitToDate, decimal PeriodGrossProfit, decimal LossProvision, decimal OverUnderBilling,
    decimal OverUnderBillingChange, decimal OtherGrossProfitToDate, decimal OtherPeriodGrossProfit);

/// <summary>The company's period income: gross profit less SG&amp;A (issue 16). Sums and differences of cents: no rounding.</summary>
public sealed record WipIncome(decimal GrossProfit, decimal SellingGeneralAndAdministrative, decimal NetIncome);

/// <summary>WIP presentation and the company's income (issue 16). Pure: figures in, figures out; nothing is rounded here.</summary>
public static class WipPresentationTools
{
    [Description("One job's WIP line as the configured loss presentation shows it: gross profit to date and this period by the chosen recognition, the provision separate or netted into over/under billing, and the other recognition for comparison.")]
    public static WipPresentedLine Present(
        [Description("The job's WIP line for the period, with its figures to date and the prior closed period's")] WipPeriodLine line,
        [Description("The configured recognition (full loss or percent-complete share) and provision presentation (separate or netted)")] WipPresentation presentation)
    {
        var share = presentation.Recognition == WipLossRecognition.PercentCompleteShare;
        var netted = !share && presentation.Provision == WipProvisionPresentation.NettedInOverUnderBilling;
        // Netted: the provision is a liability like billings in excess, so it adds to over billing and lowers under billing.
        var overUnder = line.OverUnderBilling + (netted ? line.ToDate.LossProvision : 0m);
        var priorOverUnder = line.OverUnderBilling - line.OverUnderBillingChange + (netted ? line.Prior?.LossProvision ?? 0m : 0m);
        return new WipPresentedLine(
            line.JobId,
            share ? line.GrossProfitToDateShare : line.ToDate.GrossProfitToDate,
            share ? line.PeriodGrossProfitShare : line.PeriodGrossProfit,
            share || netted ? 0m : line.ToDate.LossProvision,
            overUnder, overUnder - priorOverUnder,
            share ? line.ToDate.GrossProfitToDate : line.GrossProfitToDateShare,
            share ? line.PeriodGrossProfit : line.PeriodGrossProfitShare);
    }

    [Description("The company's income for a period: gross profit less selling, general and administrative expense (before other income and expense, interest and taxes).")]
    public static WipIncome Income(
        [Description("The company's gross profit for the period in dollars, by the configured recognition")] decimal grossProfit,
        [Description("SG&A expense posted in the period in dollars")] decimal sellingGeneralAndAdministrative) =>
        new(grossProfit, sellingGeneralAndAdministrative, grossProfit - sellingGeneralAndAdministrative);

    [Description("SG&A of a period from ledger cost totals at its start and end: the configured accounts (any job), else every Expense-type account's postings not on a job.")]
    public static decimal SellingGeneralAndAdministrative(
        [Description("Cost and expense postings summed by ledger job (null when on no job), cost code and account, as of the period's end")] IReadOnlyList<CostTotal> atEnd,
        [Description("The same as of the period's start (the prior close); empty when the period starts at the beginning of the books")] IReadOnlyList<CostTotal> atStart,
        [Description("Account id of each ledger account and its type (e.g. Expense, Cost of Goods Sold)")] IReadOnlyDictionary<string, string> accountTypes,
        [Description("Configured SG&A account ids; empty means every Expense-type account's postings not on a job")] IReadOnlyCollection<string> sgaAccounts)
    {
        bool IsSga(CostTotal t) => sgaAccounts.Count > 0
            ? sgaAccounts.Contains(t.AccountId)
            : t.CustomerId is null && accountTypes.GetValueOrDefault(t.AccountId) == "Expense";
        return atEnd.Where(IsSga).Sum(t => t.Amount) - atStart.Where(IsSga).Sum(t => t.Amount);
    }
}
