using BackOffice.Domain.Pricebook;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Tests.Pricebook;

public sealed class RecostToolsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    private static PricebookItem Item(decimal cost, decimal? sell, string unit = "EA", string? category = "Lumber", string id = "pb-1") =>
        new(id, "SKU-1", "2x4x8 SPF stud", category, unit, cost, sell, "ABC Supply", "SPF2408");

    private static PriceLine Line(decimal price, string unit = "EA", DateOnly? effective = null) =>
        new(2, "SPF2408", "2x4x8 SPF Stud", unit, price, effective ?? AsOf);

    /// <summary>
    /// Markup vs margin, the contractor's classic: a 25% markup on cost is a 20% gross margin on price, so cost
    /// $100.00 at 25% markup sells for $125.00, and a 20% minimum margin also floors it at $125.00
    /// (Michael C. Stone, "Markup & Profit: A Contractor's Guide", Craftsman Book Company, 1998).
    /// </summary>
    [Theory]
    [InlineData("25", null, "125.00", PriceBasis.MarkupRule)]
    [InlineData(null, "20", "125.00", PriceBasis.MinimumMargin)]
    [InlineData("10", "20", "125.00", PriceBasis.MinimumMargin)]
    [InlineData("50", "20", "150.00", PriceBasis.MarkupRule)]
    public void SellPrice_MarkupAndMargin_StonesWorkedExample(string? markup, string? minMargin, string expected, PriceBasis basis)
    {
        var rules = new[] { new MarkupRule(MarkupScope.Default, "", Dec(markup), Dec(minMargin)) };

        var (sell, how) = RecostTools.SellPrice(Item(80m, null), 100m, rules);

        Assert.Equal((Dec(expected), basis), (sell, how));
    }

    /// <summary>One rounding point: half away from zero, except a binding margin floor rounds up so the margin holds.</summary>
    [Theory]
    [InlineData("4.1250", "50", null, "6.19")]
    [InlineData("4.1230", "50", null, "6.18")]
    [InlineData("1.0000", null, "33", "1.50")]
    [InlineData("0.0100", "50", null, "0.02")]
    public void SellPrice_Rounding_Boundaries(string cost, string? markup, string? minMargin, string expected)
    {
        var rules = new[] { new MarkupRule(MarkupScope.Default, "", Dec(markup), Dec(minMargin)) };

        Assert.Equal(Dec(expected), RecostTools.SellPrice(Item(1m, null), Dec(cost)!.Value, rules).SellPrice);
    }

    [Fact]
    public void SellPrice_ItemRuleBeatsCategoryBeatsDefault()
    {
        var rules = new[]
        {
            new MarkupRule(MarkupScope.Default, "", 10m, null),
            new MarkupRule(MarkupScope.Category, "lumber", 20m, null),
            new MarkupRule(MarkupScope.Item, "pb-1", 30m, null),
        };

        Assert.Equal(13.00m, RecostTools.SellPrice(Item(10m, null), 10m, rules).SellPrice);
        Assert.Equal(12.00m, RecostTools.SellPrice(Item(10m, null, id: "pb-2"), 10m, rules).SellPrice);
        Assert.Equal(11.00m, RecostTools.SellPrice(Item(10m, null, category: "Paint", id: "pb-2"), 10m, rules).SellPrice);
    }

    /// <summary>The demo's stud: $4.1250 selling at $6.19, new price $4.39 with no rule keeps its markup: 4.39 x 6.19 / 4.125 = 6.5877.</summary>
    [Fact]
    public void Recost_NoRule_KeepsCurrentMarkupAndReportsTheChange()
    {
        var result = RecostTools.Recost(Item(4.1250m, 6.19m), Line(4.39m), [], 10m, 90, AsOf).Recost!;

        Assert.Equal((4.3900m, 6.59m, PriceBasis.CurrentMarkup), (result.NewUnitCost, result.NewSellPrice, result.Basis));
        Assert.Equal((0.2650m, 6.42m, 0.40m), (result.CostChange, result.CostChangePercent, result.SellChange));
        Assert.False(result.OverThreshold);
    }

    [Theory]
    [InlineData("11.00", false)]
    [InlineData("11.01", true)]
    [InlineData("8.99", true)]
    [InlineData("9.00", false)]
    public void Recost_Threshold_IsStrictlyAbove(string price, bool flagged) =>
        Assert.Equal(flagged, RecostTools.Recost(Item(10m, 15m), Line(Dec(price)!.Value), [], 10m, 90, AsOf).Recost!.OverThreshold);

    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void Recost_Stale_AfterTheLimit(int daysOld, bool stale) =>
        Assert.Equal(stale, RecostTools.Recost(Item(10m, 15m), Line(10m, effective: AsOf.AddDays(-daysOld)), [], 10m, 90, AsOf).Recost!.Stale);

    /// <summary>Per 100 ft to per metre: 37.99 / 30.48 = 1.24639..., stored to 4 decimals.</summary>
    [Fact]
    public void Recost_PerHundredFeetToMetre_RoundsCostToFourDecimals() =>
        Assert.Equal(1.2464m, RecostTools.Recost(Item(1m, null, unit: "MTR"), Line(37.99m, "per 100 ft"), [], 10m, 90, AsOf).Recost!.NewUnitCost);

    [Fact]
    public void Recost_UnitsDoNotConvert_SaysWhyInsteadOfGuessing()
    {
        var result = RecostTools.Recost(Item(68.5m, 102.75m, unit: "BOX"), Line(0.75m, "EA"), [], 10m, 90, AsOf);

        Assert.Null(result.Recost);
        Assert.Contains("do not convert", result.Problem);
    }

    private static decimal? Dec(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
