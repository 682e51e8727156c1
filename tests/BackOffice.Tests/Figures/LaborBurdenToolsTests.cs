using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Figures;

/// <summary>Labor burden (issue 16) against /work/notes/figures.md section 5.</summary>
public sealed class LaborBurdenToolsTests
{
    private static BurdenComponent Pct(string name, decimal percent, decimal? wageBase = null) => new(name, BurdenBasis.PercentOfWages, percent, wageBase);

    [Fact]
    public void Compute_QuickBooksContractorExample_IsTwentyEightOhSevenAnHour()
    {
        // PUBLISHED: QuickBooks Contractor help "Labor burden": $20.00/hr; workers comp 13.20% 2.64; liability 3.50% 0.70;
        // Medicare 1.45% 0.29; Social Security 6.20% 1.24; SUI 3.70% 0.74; FUTA 0.80% 0.16; union benefits 10% 2.00;
        // medical $50/month 0.30; total $28.07/hr. (No wage bases, as the example has none; $50 x 12 / 0.30 = 2,000 hours.)
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(20m, 2_000m,
        [
            Pct("Workers comp", 13.20m), Pct("Liability", 3.50m), Pct("Medicare", 1.45m), Pct("Social Security", 6.20m),
            Pct("SUI", 3.70m), Pct("FUTA", 0.80m), Pct("Union benefits", 10m), new("Medical", BurdenBasis.MonthlyFixed, 50m),
        ]));

        Assert.Equal([5_280m, 1_400m, 580m, 2_480m, 1_480m, 320m, 4_000m, 600m], result.Lines.Select(l => l.AnnualCost));
        Assert.Equal(28.07m, result.BurdenedRatePerPaidHour);
        Assert.Equal(40.35m, result.BurdenPercent); // DERIVED: 16,140 / 40,000
    }

    private static readonly BurdenComponent[] Rates2025 =
    [
        Pct("Social Security", 6.2m, 176_100m), Pct("Medicare", 1.45m), Pct("FUTA", 0.6m, 7_000m), Pct("SUTA (TX)", 2.7m, 9_000m),
        new("Workers comp", BurdenBasis.PerHundredOfWages, 7.85m), Pct("General liability", 0.65m), new("Health", BurdenBasis.MonthlyFixed, 500m),
    ];

    [Fact]
    public void Compute_Derived2025Carpenter_CapsFutaAndSutaAtTheirWageBases()
    {
        // DERIVED (figures.md 5(c), Peterson's method; 2025 SS base 176,100 per SSA; FUTA 0.6% on 7,000 per IRS Topic 759;
        // TX SUTA base 9,000 per DOL; SUTA 2.7%, WC $7.85/$100 and GL 0.65% ASSUMED): $40 x 2,080 = 83,200.
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(40m, 2_080m, Rates2025, HoursWorked: 1_936m));

        Assert.Equal([5_158.40m, 1_206.40m, 42m, 243m, 6_531.20m, 540.80m, 6_000m], result.Lines.Select(l => l.AnnualCost));
        Assert.Equal((83_200m, 102_921.80m, 23.70m), (result.Wages, result.TotalCost, result.BurdenPercent));
        Assert.Equal((49.48m, 53.16m), (result.BurdenedRatePerPaidHour, result.BurdenedRatePerHourWorked));
    }

    [Theory]
    // PUBLISHED maximums: Social Security 6.2% of the 2025 base 176,100 = 10,918.20; of the 2026 base 184,500 = 11,439.00
    // (SSA via Bloomberg Tax, 2025-10-24). Medicare has no base: 1.45% of 208,000 = 3,016.00 (DERIVED).
    [InlineData(176_100, 10_918.20)]
    [InlineData(184_500, 11_439.00)]
    public void Compute_WagesAboveSocialSecurityBase_StopAtTheBase(int wageBase, double maximum)
    {
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(100m, 2_080m, [Pct("Social Security", 6.2m, wageBase), Pct("Medicare", 1.45m)]));

        Assert.Equal(((decimal)maximum, 3_016m), (result.Lines[0].AnnualCost, result.Lines[1].AnnualCost));
        Assert.Equal(wageBase, result.Lines[0].ChargedOn);
    }

    [Fact]
    public void Compute_OvertimeBonusAndAllowance_AreWagesTheBurdenIsChargedOn()
    {
        // DERIVED: 20 x 2,000 + 20 x 1.5 x 100 + 500 bonus + 250 allowance = 43,750; Medicare 1.45% = 634.38 (634.375 rounds up).
        var result = LaborBurdenTools.Compute(new LaborBurdenInput(20m, 2_000m, [Pct("Medicare", 1.45m)], OvertimeHours: 100m, Bonuses: 500m, Allowances: 250m));

        Assert.Equal((43_750m, 634.38m), (result.Wages, result.Burden));
        Assert.Equal(21.14m, result.BurdenedRatePerPaidHour); // 44,384.38 / 2,100 hours
    }

    [Fact]
    public void Compute_NoHours_Throws() =>
        Assert.Throws<ArgumentException>(() => LaborBurdenTools.Compute(new LaborBurdenInput(20m, 0m, [])));
}
