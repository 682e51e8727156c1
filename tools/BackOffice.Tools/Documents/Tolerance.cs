using BackOffice.Domain.Money;

namespace BackOffice.Tools.Documents;

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

/// <param name="Variance">Actual minus expected (positive = invoiced more).</param>
/// <param name="Allowed">The allowance computed for this expected value.</param>
public sealed record ToleranceOutcome(decimal Expected, decimal Actual, decimal Variance, decimal Allowed, bool Within);

/// <summary>
/// A price, quantity or amount tolerance: a fixed amount, a percent of the expected value, how they combine, and
/// which direction is checked. The percent allowance is rounded to the cent by MoneyMath (half away from zero).
/// Equality with the allowance is within (a 2% tolerance accepts exactly 2% over).
/// </summary>
public sealed record Tolerance(decimal Amount, decimal Percent, ToleranceBasis Basis, ToleranceDirection Direction)
{
    public static Tolerance Exact { get; } = new(0m, 0m, ToleranceBasis.AmountOnly, ToleranceDirection.BothDirections);

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

    public decimal AllowedFor(decimal expected)
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

    public ToleranceOutcome Check(decimal expected, decimal actual)
    {
        var variance = actual - expected;
        var allowed = AllowedFor(expected);
        var within = Direction == ToleranceDirection.UpperOnly ? variance <= allowed : Math.Abs(variance) <= allowed;
        return new ToleranceOutcome(expected, actual, variance, allowed, within);
    }
}
