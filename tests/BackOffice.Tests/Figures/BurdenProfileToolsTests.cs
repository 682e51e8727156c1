using BackOffice.Domain.Workforce;
using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: labor burden per trade, a trade's profile overriding the company default by component name.</summary>
public sealed class BurdenProfileToolsTests
{
    private static BurdenComponent Pct(string name, decimal percent) => new(name, BurdenBasis.PercentOfWages, percent);

    // QuickBooks Contractor help "Labor burden" (figures.md 5(a)), less its union benefits, with workers' comp at an
    // ASSUMED company-wide 5% (the trade profile below brings the published 13.20).
    private static readonly BurdenComponent[] Company =
    [
        Pct("Workers comp", 5m), Pct("Liability", 3.50m), Pct("Medicare", 1.45m), Pct("Social Security", 6.20m),
        Pct("SUI", 3.70m), Pct("FUTA", 0.80m), new("Medical", BurdenBasis.MonthlyFixed, 50m),
    ];

    // The carpenters' profile: workers' comp at $13.20 per $100 (the published 13.20%, NCCI class 5403 Carpentry named
    // for the report) and union benefits as $2.00 an hour (the published 10% of $20.00).
    private static readonly TradeBurdenComponent[] Profiles =
    [
        new("bp-1", "Carpentry", "Workers comp", "per-hundred-of-wages", 13.20m, null, null, "5403"),
        new("bp-2", "carpentry ", "Union benefits", "per-hour", 2.00m, null, null, null),
    ];

    [Fact]
    public void ComponentsFor_CarpenterWithProfile_ReproducesQuickBooksTwentyEightOhSeven()
    {
        // PUBLISHED total $28.07/hr (QuickBooks Contractor help "Labor burden"); 2,000 paid hours as in LaborBurdenToolsTests.
        // Per trade: WC 40,000 x 13.20 / 100 = 5,280.00 replaces the company's 2,000.00; union 2.00 x 2,000 = 4,000.00 added.
        var burden = BurdenProfileTools.ComponentsFor("CARPENTRY", Company, Profiles);
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(20m, 2_000m, burden.Components));

        Assert.Equal("Carpentry", burden.Profile);
        Assert.Equal(["Liability", "Medicare", "Social Security", "SUI", "FUTA", "Medical", "Workers comp (5403)", "Union benefits"], result.Lines.Select(l => l.Name));
        Assert.Equal((5_280m, 4_000m, 28.07m), (result.Lines[6].AnnualCost, result.Lines[7].AnnualCost, result.BurdenedRatePerPaidHour));
    }

    [Fact]
    public void ComponentsFor_TradeWithoutProfile_KeepsTheCompanyDefault()
    {
        // DERIVED: the same $20.00 laborer at the company's 5% workers' comp and no union: 2,000 + 1,400 + 580 + 2,480 + 1,480
        // + 320 + 600 = 8,860.00 burden; (40,000 + 8,860) / 2,000 = $24.43.
        var burden = BurdenProfileTools.ComponentsFor("Laborer", Company, Profiles);
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(20m, 2_000m, burden.Components));

        Assert.Equal((BurdenProfileTools.CompanyDefault, 8_860m, 24.43m), (burden.Profile, result.Burden, result.BurdenedRatePerPaidHour));
    }

    [Theory]
    // DERIVED: a per-hour fringe is owed on every paid hour, overtime hours included: 8.50 x (2,080 + 100) = 18,530.00.
    [InlineData(0, "17680.00")]
    [InlineData(100, "18530.00")]
    public void Compute_PerHourFringe_ChargesEveryPaidHour(int overtimeHours, string expected)
    {
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(40m, 2_080m, [new("Union fringes", BurdenBasis.PerHour, 8.50m)], overtimeHours));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Lines.Single().AnnualCost);
    }

    [Fact]
    public void ToComponent_UnknownBasis_NamesTheRow() =>
        Assert.Contains("bp-9", Assert.Throws<ArgumentException>(() =>
            BurdenProfileTools.ToComponent(new TradeBurdenComponent("bp-9", "Carpentry", "X", "per-day", 1m, null, null, null))).Message, StringComparison.Ordinal);
}
