using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>The rates payroll-check shows (issue 16), against 29 CFR 778.110(b).</summary>
public sealed class PayRatesToolsTests
{
    [Fact]
    public void From_Cfr778110bProductionBonus_ShowsRatesAndPremiumSeparately()
    {
        // PUBLISHED: 29 CFR 778.110(b): $12/hr, 46 hours, $46 production bonus: regular rate $13; total $637
        // (46 x $13 + 6 x $6.50). Straight time 46 x $12 = $552; premium 6 x $6.50 = $39; OT rate $19.50.
        var required = RegularRateTools.Required([new PaySegment(46m, 12m)], 46m, 6m, 0m);

        var rates = PayRatesTools.From(required);

        Assert.Equal(new PayRates(13m, 19.50m, 6.50m, 26m, 552m, 39m), rates);
        Assert.Equal(637m, required.Total);
    }

    [Fact]
    public void From_BiegTextbookWeek_RoundsTheRatesForDisplayOnly()
    {
        // PUBLISHED: Bieg, Payroll Accounting (quiz via jeopardylabs): $11.80 x 44 + $35.20 bonus = $554.40; / 44 = $12.60;
        // + 4 x $6.30 = $579.60.
        var required = RegularRateTools.Required([new PaySegment(44m, 11.80m)], 35.20m, 4m, 0m);

        var rates = PayRatesTools.From(required);

        Assert.Equal((12.60m, 6.30m, 18.90m, 25.20m), (rates.RegularRate, rates.HalfTimePremiumRate, rates.OvertimeRate, rates.DoubleTimeRate));
        Assert.Equal((519.20m, 25.20m, 579.60m), (rates.StraightTimeEarnings, rates.Premium, required.Total));
    }
}
