using System.ComponentModel;

namespace BackOffice.Tools.Financial;

public enum ToleranceRule
{
    /// <summary>"$50 or 2%, whichever is less": the stricter of the two allowances.</summary>
    LesserOf,

    /// <summary>"$50 or 2%, whichever is greater": the looser of the two allowances.</summary>
    GreaterOf,
}

/// <summary>
/// How far two amounts that should agree may differ and still count as agreeing (issue 3). The percentage applies
/// to the absolute value of the expected (project-side) amount. A difference equal to the allowance is within it.
/// </summary>
/// <param name="Amount">Absolute allowance in dollars, e.g. 50.</param>
/// <param name="Percent">Relative allowance in percent of the expected amount, e.g. 2 for 2%.</param>
public sealed record Tolerance(decimal Amount, decimal Percent, ToleranceRule Rule = ToleranceRule.LesserOf)
{
    /// <summary>Only an exact match agrees.</summary>
    public static Tolerance Exact { get; } = new(0m, 0m);

    /// <summary>The default for reconciliation: $50 or 2%, whichever is less.</summary>
    public static Tolerance Default { get; } = new(50m, 2m);

    [Description("The allowed difference, in dollars, for an expected amount.")]
    public decimal Allowance([Description("The expected amount in dollars")] decimal expected)
    {
        var relative = Math.Abs(expected) * Percent / 100m;
        return Rule == ToleranceRule.LesserOf ? Math.Min(Amount, relative) : Math.Max(Amount, relative);
    }

    [Description("Whether an actual amount agrees with the expected one within the tolerance.")]
    public bool Within(
        [Description("The expected amount (project side), in dollars")] decimal expected,
        [Description("The actual amount (ledger side), in dollars")] decimal actual) =>
        Math.Abs(actual - expected) <= Allowance(expected);

    public string Describe() =>
        this == Exact ? "exact" : $"${Amount:0.##} or {Percent:0.##}%, whichever is {(Rule == ToleranceRule.LesserOf ? "less" : "greater")}";
}
