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

    public decimal AllowedFor(decimal expected)
    {
        var percent = MoneyMath.RoundToCent(Math.Abs(expected) * Percent / 100m);
        return Basis switch
        {
            ToleranceBasis.AmountOnly => Amount,
            ToleranceBasis.PercentOnly => percent,
            ToleranceBasis.WhicheverIsLess => Math.Min(Amount, percent),
            ToleranceBasis.WhicheverIsGreater => Math.Max(Amount, percent),
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
