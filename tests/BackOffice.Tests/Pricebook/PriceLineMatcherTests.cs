using BackOffice.Domain.Pricebook;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Tests.Pricebook;

public sealed class PriceLineMatcherTests
{
    private static readonly PricebookItem[] Items =
    [
        new("pb-01", "LUM-2X4-8", "2x4x8 SPF stud", "Lumber", "EA", 4.125m, 6.19m, "ABC Supply", "SPF2408"),
        new("pb-03", "DRY-12-48", "1/2in drywall 4x8", "Drywall", "SHT", 14.25m, 21.38m, "ABC Supply", "GYP1248"),
        new("pb-04", "DRY-58X-48", "5/8in Type X drywall 4x8", "Drywall", "SHT", 17.9m, 26.85m, "ABC Supply", "GYPX5848"),
        new("pb-06", "FAS-16D-50", "16d sinker nails, 50 lb box", "Fasteners", "BOX", 68.5m, 102.75m, "ABC Supply", null),
        new("pb-07", "PNT-INT-5G", "Interior latex eggshell, 5 gal", "Paint", "PAIL", 142m, 213m, "Home Depot Pro", "PPG-ES5"),
        new("pb-09", null, "Interior latex eggshell white 5 gal", "Paint", "PAIL", 140m, 210m, null, null),
        new("pb-10", null, "Interior latex eggshell beige 5 gal", "Paint", "PAIL", 140m, 210m, null, null),
    ];

    private static PriceLine Line(string? sku, string description) => new(2, sku, description, "EA", 1m, null);

    private static PriceLineMatch Match(PriceLine line, Dictionary<string, string?>? decisions = null) =>
        new PriceLineMatcher("ABC Supply Co.", Items, decisions ?? []).Match(line);

    [Fact]
    public void Match_VendorSku_WinsWhateverTheDescription() =>
        Assert.Equal(("pb-01", PriceMatchBasis.VendorSku), (Match(Line("spf-2408", "something else")).ItemId, Match(Line("spf-2408", "x")).Basis));

    [Fact]
    public void Match_SameNormalizedDescription_Matches()
    {
        var match = Match(Line("NEW-1", "5/8 in. Type X Drywall 4x8"));

        Assert.Equal(("pb-04", PriceMatchBasis.Description), (match.ItemId, match.Basis));
    }

    [Fact]
    public void Match_SimilarDescription_ClearWinner()
    {
        var match = Match(Line(null, "16d Sinker Nails 50 lb"));

        Assert.Equal(("pb-06", PriceMatchBasis.Similarity), (match.ItemId, match.Basis));
        Assert.True(match.Score >= PriceLineMatcher.SimilarityThreshold);
    }

    [Fact]
    public void Match_OtherVendorsSku_IsNotUsed() => Assert.NotEqual("pb-07", Match(Line("PPG-ES5", "Exterior stain")).ItemId);

    [Fact]
    public void Match_TwoEquallyGoodItems_IsAmbiguousWithCandidates()
    {
        var match = Match(Line(null, "Interior latex eggshell 5 gal pail"));

        Assert.Equal(PriceMatchBasis.Ambiguous, match.Basis);
        Assert.Null(match.ItemId);
        Assert.Equal(["pb-09", "pb-10"], match.Candidates.Order());
    }

    [Fact]
    public void Match_PersonDecided_UsesTheDecisionFromThenOn()
    {
        var line = Line(null, "Interior latex eggshell 5 gal pail");
        var decisions = new Dictionary<string, string?> { [PriceLineMatcher.LineKey(line)] = "pb-10" };

        Assert.Equal(("pb-10", PriceMatchBasis.Decision), (Match(line, decisions).ItemId, Match(line, decisions).Basis));
    }

    [Fact]
    public void Match_DifferentSize_DoesNotMatch() => Assert.Null(Match(Line(null, "2x4x10 SPF stud")).ItemId);

    [Theory]
    [InlineData("5/8 in. Type X Drywall 4x8", "4x8 5/8 drywall in type x")]
    [InlineData("12\" hex bolt", "12 bolt hex in")]
    [InlineData("2x6x10 DF #2 & Better", "2 2x6x10 better df")]
    public void Normalize_ProductDescriptions(string description, string expected) =>
        Assert.Equal(expected, ProductNormalizer.Normalize(description));
}
