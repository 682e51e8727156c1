namespace BackOffice.Agents;

/// <summary>
/// Issue 16: "each rounding point stated in the code and the report". The rule each report of the figures a controller
/// signs applies, appended to its title so the table, the console page, --json's API title and the exports carry it.
/// Each text restates the rounding points of the tools it comes from (named beside it); a change there changes it here.
/// Half away from zero is MoneyMath.RoundToCent / PercentOf, or Math.Round with MidpointRounding.AwayFromZero.
/// </summary>
public static class RoundingStatements
{
    /// <summary>PayAppTools.Build / ContinuationSheet / Percent.</summary>
    public const string PayApplication =
        "rounding: 5a = % x (D + E) and 5b = % x F once on the totals, to the cent half away from zero, spread over column I by largest remainder (per-line rates: each line to the cent, line 5 their sum); % complete two places half away from zero, display only";

    /// <summary>RetainageBalances: sums of each pay application's and sub invoice's retainage as stored, in cents.</summary>
    public const string RetainageBalances = "rounding: none, balances and aging are sums of stored cents (retainage itself: % x amount once to the cent half away from zero)";

    /// <summary>EarnedValueReport (PV, EV), EarnedValueTools.Measure (indices, EACs).</summary>
    public const string EarnedValue =
        "rounding: PV and EV to the cent half away from zero; CPI, SPI, TCPI four places half away from zero; each EAC from the unrounded indices, once to the cent";

    /// <summary>WipTools.Compute, CostLoadingTools, JobLaborBurdenTools.</summary>
    public const string Wip =
        "rounding: earned revenue = contract x (cost / estimate), the ratio unrounded, once to the cent half away from zero; burden and overhead each to the cent; % complete (and, in wip-period, margin on billings %) two places half away from zero, display only";

    /// <summary>LaborBurdenTools.Compute, TradeShareTools, LaborBurdenReport.</summary>
    public const string LaborBurden =
        "rounding: wages and each component's annual cost to the cent half away from zero (a trade's share: wages split by largest remainder); burden % two places; burdened rates to the cent";

    /// <summary>RegularRateTools.Required and the pay bases (PayBasisTools, SalariedTools, PieceworkTools, CaliforniaPieceRateTools, PayRates).</summary>
    public const string PayrollCheck =
        "rounding: required pay exact until the week's total, once to the cent half away from zero (salaried: weekly equivalent and rates to the cent; California rest pay: rate and pay to the cent); rates shown to the cent";

    /// <summary>AgingTools: open amounts are invoice totals less applied payments, in cents.</summary>
    public const string Aging = "rounding: none, open amounts are sums of cents";

    /// <summary>AllowanceTools.Estimate.</summary>
    public const string Allowance = "rounding: each class's balance x its percent to the cent half away from zero; the allowance is their sum";

    /// <summary>Tolerance.AllowedFor and MatchCheck.VariancePercent.</summary>
    public const string ThreeWayMatch =
        "rounding: a percent tolerance to the cent half away from zero; variance % two places half away from zero, display only";

    /// <summary>The title with its rounding statement.</summary>
    public static string Titled(string title, string statement) => $"{title}; {statement}";

    /// <summary>A title without its rounding statement, for a PDF page that states the rounding on a line of its own.</summary>
    public static string WithoutStatement(string title)
    {
        var at = title.IndexOf("; rounding:", StringComparison.Ordinal);
        return at < 0 ? title : title[..at];
    }
}
