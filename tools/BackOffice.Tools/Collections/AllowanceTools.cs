using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Collections;

/// <summary>One aging class of the allowance: its open receivables, the percent expected uncollectible, and the allowance (to the cent).</summary>
public sealed record AllowanceClass(string Label, decimal Balance, decimal RatePercent, decimal Allowance);

/// <summary>
/// The allowance for doubtful accounts by the percentage-of-receivables (aging) method (issue 16).
/// <paramref name="UnadjustedCredit"/> is the allowance account's balance before adjustment, a credit positive (a debit
/// balance, after write-offs beyond the allowance, is negative). <paramref name="Adjustment"/> is the entry that brings it
/// to <paramref name="Required"/>: positive = Dr bad debt expense, Cr allowance; negative = the reverse.
/// </summary>
public sealed record AllowanceEstimate(
    IReadOnlyList<AllowanceClass> Classes, decimal Receivables, decimal Required, decimal UnadjustedCredit, decimal Adjustment);

/// <summary>Allowance for doubtful accounts from an aging (issue 16). Pure: balances and rates in, figures out.</summary>
public static class AllowanceTools
{
    [Description("Allowance for doubtful accounts by aging class: each class's balance x its percent, rounded to the cent half away from zero per class; the required allowance is their sum; the adjusting entry is the required allowance less the unadjusted credit balance.")]
    public static AllowanceEstimate Estimate(
        [Description("Open receivables per aging class, in bucket order (label, balance in dollars)")] IReadOnlyList<(string Label, decimal Balance)> balances,
        [Description("Percent expected uncollectible per aging class label, 0-100")] IReadOnlyDictionary<string, decimal> ratePercents,
        [Description("The allowance account's balance before adjustment: a credit positive, a debit negative")] decimal unadjustedCredit)
    {
        var classes = balances.Select(b =>
        {
            var rate = ratePercents.TryGetValue(b.Label, out var r)
                ? r : throw new ArgumentException($"No allowance percent for aging class '{b.Label}'.", nameof(ratePercents));
            // Rounding point: each class's allowance to the cent, half away from zero; the total is the sum of those.
            return new AllowanceClass(b.Label, b.Balance, rate, MoneyMath.PercentOf(b.Balance, rate));
        }).ToList();
        var required = classes.Sum(c => c.Allowance);
        return new AllowanceEstimate(classes, classes.Sum(c => c.Balance), required, unadjustedCredit, required - unadjustedCredit);
    }
}
