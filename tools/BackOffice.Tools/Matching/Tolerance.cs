using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Matching;

/// <summary>How a tolerance's amount and percent combine (issue 6: the semantics are explicit, as in A/P automation products).</summary>
public enum ToleranceBasis
{
    /// <summary>Only the fixed amount counts.</summary>
    AmountOnly,

    /// <summary>Only the percent of the expected value counts.</summary>
    PercentOnly,

    /// <summary>Both limits apply: the smaller allowance wins (the stricter of the two).</summary>
    WhicheverIsLess,

    /// <summary>Either limit suffices: the larger allowance wins.</summary>
    WhicheverIsGreater,

    /// <summary>No limit: every variance is within (issue 16: an "unlimited" tolerance, chosen or left empty in settings).</summary>
    Unlimited,
}

public enum ToleranceDirection
{
    /// <summary>Only an invoice above the expected value can fail; paying less than agreed is not a variance to hold.</summary>
    UpperOnly,

    /// <summary>Above or below by more than the allowance fails.</summary>
    BothDirections,
}

/// <summary>Which amount a tolerance's percent is taken of (issue 16): the expected one (the order) or the actual one (the invoice).</summary>
public enum TolerancePercentOf
{
    Expected,
    Actual,
}

/// <param name="Variance">Actual minus expected (positive = invoiced more).</param>
/// <param name="Allowed">The allowance computed for this comparison.</param>
public sealed record ToleranceOutcome(decimal Expected, decimal Actual, decimal Variance, decimal Allowed, bool Within)
{
    /// <summary>Issue 16: the variance as a percent of the expected amount, two places half away from zero (display); null when nothing was expected.</summary>
    public decimal? VariancePercent => Expected == 0m ? null : Math.Round(Variance / Expected * 100m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A price, quantity or amount tolerance: a fixed amount, a percent of the expected value, how they combine, and
/// which direction is checked. Issue 12: the one tolerance type; reconciliation (issue 3, "$50 or 2%, whichever is
/// less") and the three-way match (issue 6) both use it. The percent allowance is rounded to the cent by MoneyMath
/// (half away from zero): an allowance is money, and the amounts compared are whole cents. Equality with the allowance
/// is within (a 2% tolerance accepts exactly 2% over).
/// </summary>
/// <param name="Amount">Absolute allowance in dollars, e.g. 50.</param>
/// <param name="Percent">Relative allowance in percent of the expected amount, e.g. 2 for 2%.</param>
public sealed record Tolerance(
    decimal Amount, decimal Percent, ToleranceBasis Basis = ToleranceBasis.WhicheverIsLess, ToleranceDirection Direction = ToleranceDirection.BothDirections)
{
    /// <summary>Issue 16: the percent is of the expected amount (the order, the default) or of the actual one (the invoice).</summary>
    public TolerancePercentOf PercentOf { get; init; } = TolerancePercentOf.Expected;

    /// <summary>Only an exact match agrees.</summary>
    public static Tolerance Exact { get; } = new(0m, 0m, ToleranceBasis.AmountOnly, ToleranceDirection.BothDirections);

    /// <summary>The default for reconciliation (issue 3): $50 or 2%, whichever is less, either direction.</summary>
    public static Tolerance Default { get; } = new(50m, 2m);

    /// <summary>
    /// A tolerance from settings where an empty amount or percent means "no limit of that kind" (issue 16): with
    /// "whichever is less" the other limit alone applies; with "whichever is greater", or when the basis names only the
    /// empty one, or when both are empty, nothing is limited.
    /// </summary>
    public static Tolerance FromSettings(decimal? amount, decimal? percent, ToleranceBasis basis, ToleranceDirection direction)
    {
        var unlimited = new Tolerance(0m, 0m, ToleranceBasis.Unlimited, direction);
        return (amount, percent, basis) switch
        {
            (_, _, ToleranceBasis.Unlimited) or (null, null, _) => unlimited,
            (null, _, ToleranceBasis.AmountOnly or ToleranceBasis.WhicheverIsGreater) or (_, null, ToleranceBasis.PercentOnly or ToleranceBasis.WhicheverIsGreater) => unlimited,
            (null, { } p, _) => new Tolerance(0m, p, ToleranceBasis.PercentOnly, direction),
            ({ } a, null, _) => new Tolerance(a, 0m, ToleranceBasis.AmountOnly, direction),
            ({ } a, { } p, _) => new Tolerance(a, p, basis, direction),
        };
    }

    [Description("The allowed difference, in dollars, for an expected amount.")]
    public decimal AllowedFor([Description("The expected amount in dollars")] decimal expected)
    {
        var percent = MoneyMath.RoundToCent(Math.Abs(expected) * Percent / 100m);
        return Basis switch
        {
            ToleranceBasis.AmountOnly => Amount,
            ToleranceBasis.PercentOnly => percent,
            ToleranceBasis.WhicheverIsLess => Math.Min(Amount, percent),
            ToleranceBasis.WhicheverIsGreater => Math.Max(Amount, percent),
            ToleranceBasis.Unlimited => decimal.MaxValue,
            _ => throw new ArgumentOutOfRangeException(nameof(Basis), Basis, "Unknown tolerance basis."),
        };
    }

    [Description("Compare an actual amount with the expected one: the variance, the allowance and whether it is within.")]
    public ToleranceOutcome Check(
        [Description("The expected amount (project side, order), in dollars")] decimal expected,
        [Description("The actual amount (ledger side, invoice), in dollars")] decimal actual)
    {
        var variance = actual - expected;
        var allowed = AllowedFor(PercentOf == TolerancePercentOf.Actual ? actual : expected);
        var within = Direction == ToleranceDirection.UpperOnly ? variance <= allowed : Math.Abs(variance) <= allowed;
        return new ToleranceOutcome(expected, actual, variance, allowed, within);
    }

    [Description("Whether an actual amount agrees with the expected one within the tolerance.")]
    public bool Within(
        [Description("The expected amount (project side), in dollars")] decimal expected,
        [Description("The actual amount (ledger side), in dollars")] decimal actual) => Check(expected, actual).Within;

    public string Describe() => this == Exact ? "exact" : Basis switch
    {
        ToleranceBasis.AmountOnly => $"${Amount:0.##}",
        ToleranceBasis.PercentOnly => $"{Percent:0.##}%" + (PercentOf == TolerancePercentOf.Actual ? " of the invoice" : ""),
        _ => $"${Amount:0.##} or {Percent:0.##}%, whichever is {(Basis == ToleranceBasis.WhicheverIsLess ? "less" : "greater")}",
    };
}
