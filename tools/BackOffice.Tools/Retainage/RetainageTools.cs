using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Retainage;

/// <summary>Retainage held to date and this period under a schedule; <see cref="ThisPeriod"/> is negative when retainage is released.</summary>
public sealed record RetainageToDate(decimal CompletedToDate, decimal HeldToDate, decimal HeldBefore, decimal ThisPeriod);

/// <summary>
/// Retainage arithmetic (issue 16). Rounding points, each to the cent half away from zero: a percent of an amount
/// (MoneyMath.PercentOf) is rounded once; retainage to date under a tiered schedule is summed unrounded over the tiers
/// and rounded once, and this period's retainage is the difference of two rounded figures-to-date, so periods always add
/// up to the total; an allocation over lines is by largest remainder, so lines add up to the total.
/// </summary>
[ToolAccess(ToolAccess.Read)]
public static class RetainageTools
{
    [Description("Retainage on an amount: percent x amount, rounded to the cent half away from zero.")]
    public static decimal Withhold(
        [Description("Amount billed (owner invoice) or bill amount (subcontractor), in dollars")] decimal amount,
        [Description("Retainage percent, 0-100")] decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A retainage percent is between 0 and 100.");
        }

        return MoneyMath.PercentOf(amount, percent);
    }

    [Description("The retainage percent that applies to an invoice: its own override when set, else the contract's default.")]
    public static decimal PercentFor(
        [Description("The contract's (job's or commitment's) default retainage percent")] decimal contractDefault,
        [Description("The invoice's own percent, null when it does not override")] decimal? invoiceOverride) =>
        invoiceOverride ?? contractDefault;

    [Description("Split a retainage total across billing lines in proportion to their amounts without losing or inventing a cent (largest remainder).")]
    public static IReadOnlyList<decimal> Allocate(
        [Description("Retainage total to split, in dollars")] decimal total,
        [Description("Amount of each billing line, in dollars")] IReadOnlyList<decimal> lineAmounts) =>
        lineAmounts.Count == 0 || lineAmounts.Sum() == 0m ? new decimal[lineAmounts.Count] : MoneyMath.Allocate(total, lineAmounts);

    [Description("Retainage held to date and this period under a tiered schedule (for example 10% to 50% complete, then 5%), read by band or on the whole to date.")]
    public static RetainageToDate UnderSchedule(
        [Description("Contract sum to date, in dollars: the tiers' percents complete are of this")] decimal contractSum,
        [Description("Completed and stored to date before this period, in dollars")] decimal completedBefore,
        [Description("Completed and stored to date including this period, in dollars")] decimal completedToDate,
        [Description("The tiers and how they are read")] RetainageSchedule schedule)
    {
        schedule.Validate();
        var before = HeldOn(contractSum, completedBefore, schedule);
        var toDate = HeldOn(contractSum, completedToDate, schedule);
        return new RetainageToDate(completedToDate, toDate, before, toDate - before);
    }

    private static decimal HeldOn(decimal contractSum, decimal completed, RetainageSchedule schedule)
    {
        if (schedule.Reading == RetainageReading.OnWholeToDate)
        {
            var reached = schedule.Tiers.First(t => t.UpToPercentComplete is null || completed < contractSum * t.UpToPercentComplete.Value / 100m);
            return MoneyMath.PercentOf(completed, reached.Percent);
        }

        var held = 0m;
        var floor = 0m;
        foreach (var tier in schedule.Tiers)
        {
            var ceiling = tier.UpToPercentComplete is { } up ? contractSum * up / 100m : decimal.MaxValue;
            held += Math.Max(Math.Min(completed, ceiling) - floor, 0m) * tier.Percent / 100m;
            floor = ceiling;
        }

        return MoneyMath.RoundToCent(held);
    }
}
