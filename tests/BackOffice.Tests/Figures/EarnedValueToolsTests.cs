using BackOffice.Tools.EarnedValue;

namespace BackOffice.Tests.Figures;

/// <summary>Earned value (issue 16) against /work/notes/figures.md section 3 (PMBOK formulas).</summary>
public sealed class EarnedValueToolsTests
{
    private static EacEstimate Eac(EarnedValueResult result, string label) => result.Estimates.Single(e => e.Label == label);

    [Fact]
    public void Measure_MulcahyFenceExercise_MatchesThePublishedMeasures()
    {
        // PUBLISHED: Mulcahy, PMP Exam Prep p. 210 fence exercise (studylib.net/doc/5898152): PV 3,000; EV 2,500;
        // AC 2,800; BAC 4,000; CV -300; SV -500; CPI .893; SPI .833.
        var result = EarnedValueTools.Measure(new EarnedValueInput(4_000m, 3_000m, 2_500m, 2_800m));

        Assert.Equal((-300m, -500m), (result.Cv, result.Sv));
        Assert.Equal((0.8929m, 0.8333m), (result.Cpi, result.Spi)); // printed to three places: .893, .833
        // The book prints EAC 4,479 / ETC 1,679 / VAC -479 from CPI rounded to .893; DERIVED unrounded: 4,480 / 1,680 / -480.
        var byCpi = Eac(result, EarnedValueTools.BacOverCpi);
        Assert.Equal((4_480m, 1_680m, -480m), (byCpi.Eac, byCpi.Etc, byCpi.Vac));
        Assert.Equal(0.8929m, byCpi.TcpiToEac); // DERIVED: TCPI to an EAC of BAC / CPI equals CPI
    }

    [Fact]
    public void Measure_MulcahyFenceExercise_OtherMethodsAreLabelled()
    {
        // DERIVED from the published fence inputs (figures.md 3(a)).
        var result = EarnedValueTools.Measure(new EarnedValueInput(4_000m, 3_000m, 2_500m, 2_800m, BottomUpEtc: 1_500m, PmForecastEac: 4_200m));

        Assert.Equal(4_300m, Eac(result, EarnedValueTools.AcPlusRemaining).Eac);
        Assert.Equal(4_816m, Eac(result, EarnedValueTools.AcPlusCpiSpi).Eac);
        Assert.Equal(4_300m, Eac(result, EarnedValueTools.AcPlusBottomUp).Eac);
        Assert.Equal((4_200m, 1_400m, -200m), (Eac(result, EarnedValueTools.PmForecast).Eac, Eac(result, EarnedValueTools.PmForecast).Etc, Eac(result, EarnedValueTools.PmForecast).Vac));
        Assert.Equal(1.25m, result.TcpiToBac);
    }

    [Fact]
    public void Measure_WikislateForecasting_MatchesThePublishedForecasts()
    {
        // PUBLISHED: wikislate "EVM forecasting" (BAC/EV/AC 100/40/45 k$, SPI 0.80 so PV 50): EAC = BAC/CPI 112.5;
        // ETC 67.5; VAC -12.5; EAC (cost x schedule) about 129; TCPI to BAC 1.09. DERIVED: 129.375; 1.0909.
        var result = EarnedValueTools.Measure(new EarnedValueInput(100_000m, 50_000m, 40_000m, 45_000m));

        var byCpi = Eac(result, EarnedValueTools.BacOverCpi);
        Assert.Equal((112_500m, 67_500m, -12_500m), (byCpi.Eac, byCpi.Etc, byCpi.Vac));
        Assert.Equal(129_375m, Eac(result, EarnedValueTools.AcPlusCpiSpi).Eac);
        Assert.Equal(105_000m, Eac(result, EarnedValueTools.AcPlusRemaining).Eac);
        Assert.Equal((0.8889m, 0.8m, 1.0909m), (result.Cpi, result.Spi, result.TcpiToBac));
    }

    [Fact]
    public void Measure_CheckykeyRemainingAtBudgetRate_IsOneHundredTenThousand()
    {
        // PUBLISHED (checkykey snippet, figures.md 3(d)): EAC = 40,000 + (100,000 - 30,000) = 110,000.
        var result = EarnedValueTools.Measure(new EarnedValueInput(100_000m, 30_000m, 30_000m, 40_000m));

        Assert.Equal(110_000m, Eac(result, EarnedValueTools.AcPlusRemaining).Eac);
    }

    [Fact]
    public void Measure_NothingSpentOrPlanned_LeavesIndicesUndefined()
    {
        var result = EarnedValueTools.Measure(new EarnedValueInput(4_000m, 0m, 0m, 0m));

        Assert.Equal((null, null), (result.Cpi, result.Spi));
        Assert.DoesNotContain(result.Estimates, e => e.Label is EarnedValueTools.BacOverCpi or EarnedValueTools.AcPlusCpiSpi);
        Assert.Equal(4_000m, Eac(result, EarnedValueTools.AcPlusRemaining).Eac);
    }
}

/// <summary>PV and EV time-phased from a schedule (issue 16); hand-computed cases (DERIVED, no published oracle).</summary>
public sealed class SchedulePhasingTests
{
    [Theory]
    // One 10-day activity (Nov 1-10) of weight 100 and one later activity (Nov 11-20) of weight 300, as of:
    [InlineData("2026-10-31", 0.0, 0.125)]  // nothing planned yet; earned is what is reported done
    [InlineData("2026-11-05", 0.125, 0.125)] // 5 of 10 days of the first: 0.5 x 100 / 400
    [InlineData("2026-11-10", 0.25, 0.125)]  // first fully planned
    [InlineData("2026-12-31", 1.0, 0.125)]   // everything planned
    public void Position_TwoActivities_WeightsPlannedDaysAndReportedPercent(string asOf, double planned, double earned)
    {
        PhasedActivity[] activities =
        [
            new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), 100m, 50m),
            new(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 20), 300m, 0m),
        ];

        var position = SchedulePhasing.Position(activities, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(((decimal)planned, (decimal)earned), (position.PlannedFraction, position.EarnedFraction));
    }

    [Fact]
    public void Position_NoWeight_IsZeroNotADivisionByZero() =>
        Assert.Equal(new SchedulePosition(0m, 0m), SchedulePhasing.Position([], new DateOnly(2026, 11, 1)));
}
