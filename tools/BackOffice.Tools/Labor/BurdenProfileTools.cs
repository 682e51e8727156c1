using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Labor;

/// <summary>The burden components an employee's trade is charged and where they came from (issue 16).</summary>
public sealed record TradeBurden(string Trade, string Profile, IReadOnlyList<BurdenComponent> Components);

/// <summary>
/// Labor burden per trade (issue 16): a trade's profile (workforce/burden-profiles.csv: workers' compensation at its class
/// code's rate, union fringes per hour, SUTA, benefits) overrides the company default component of the same name and
/// adds the ones the default lacks; a trade without a profile keeps the company default. Trades and names are matched
/// trimmed and in any case, so "Carpentry" and "carpentry " are one trade.
/// </summary>
public static class BurdenProfileTools
{
    /// <summary>The profile name of a trade that has none of its own.</summary>
    public const string CompanyDefault = "company default";

    [Description("The burden components for an employee's trade: the company default, with the trade profile's components replacing those of the same name and the rest of the profile added.")]
    public static TradeBurden ComponentsFor(
        [Description("The employee's trade, e.g. Carpentry")] string trade,
        [Description("The company default components (Agents:workforce:LaborBurden:Components)")] IReadOnlyList<BurdenComponent> companyDefault,
        [Description("Every trade's profile components, as imported")] IReadOnlyList<TradeBurdenComponent> profiles)
    {
        var own = profiles.Where(p => Same(p.Trade, trade)).ToList();
        if (own.Count == 0)
        {
            return new TradeBurden(trade, CompanyDefault, companyDefault);
        }

        var kept = companyDefault.Where(c => !own.Any(o => Same(o.Name, c.Name)));
        return new TradeBurden(trade, own[0].Trade.Trim(), [.. kept, .. own.Select(ToComponent)]);
    }

    [Description("One imported profile row as a burden component: basis percent-of-wages, per-hundred-of-wages, monthly-fixed or per-hour.")]
    public static BurdenComponent ToComponent([Description("The imported row")] TradeBurdenComponent row) => new(
        row.ClassCode is { Length: > 0 } code ? $"{row.Name} ({code})" : row.Name,
        row.Basis switch
        {
            "percent-of-wages" => BurdenBasis.PercentOfWages,
            "per-hundred-of-wages" => BurdenBasis.PerHundredOfWages,
            "monthly-fixed" => BurdenBasis.MonthlyFixed,
            "per-hour" => BurdenBasis.PerHour,
            _ => throw new ArgumentException($"Burden profile row {row.Id}: unknown basis '{row.Basis}'.", nameof(row)),
        },
        row.Rate, row.WageBase, row.OnOvertimePremium);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
