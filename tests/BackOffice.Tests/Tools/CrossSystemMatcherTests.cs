using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Tools;

public sealed class CrossSystemMatcherTests
{
    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>();

    private static readonly List<MatchCandidate> Vendors =
    [
        new("v1", ["ABC Supply"]),
        new("v2", ["Rivera Plumbing"]),
        new("v3", ["Summit Electric Inc"]),
        new("v4", ["Summit Electrical Contractors"]),
    ];

    [Theory]
    [InlineData("ABC Supply Co.", "abc supply")]
    [InlineData("Rivera Plumbing, LLC", "rivera plumbing")]
    [InlineData("Smith & Sons", "smith and sons")]
    [InlineData("The Tile Shop, Inc.", "tile shop")]
    public void Normalize_LegalFormsAndPunctuation_AreDropped(string input, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(input));

    [Theory]
    [InlineData("INV-0042", "inv42")]
    [InlineData("inv 42", "inv42")]
    [InlineData("00017", "17")]
    [InlineData(null, "")]
    public void DocumentNumber_FormattingDifferences_CompareEqual(string? input, string expected) =>
        Assert.Equal(expected, NameNormalizer.DocumentNumber(input));

    [Fact]
    public void Match_ExplicitLink_WinsOverNames()
    {
        var match = CrossSystemMatcher.Match("pv-9", "ABC Supply Co.", Vendors, new Dictionary<string, string> { ["pv-9"] = "v2" });
        Assert.Equal(("v2", MatchBasis.ExplicitLink), (match.LedgerId, match.Basis));
    }

    [Fact]
    public void Match_LegalSuffixDiffers_MatchesByNormalizedName()
    {
        var match = CrossSystemMatcher.Match("pv-1", "Rivera Plumbing LLC", Vendors, NoLinks);
        Assert.Equal(("v2", MatchBasis.NormalizedName), (match.LedgerId, match.Basis));
    }

    [Fact]
    public void Match_NearMissName_IsNotGuessedButOfferedForReview()
    {
        var match = CrossSystemMatcher.Match("pv-2", "Summit Electric", Vendors, NoLinks);
        Assert.Equal(("v3", MatchBasis.NormalizedName), (match.LedgerId, match.Basis));

        // Issue 3: a near miss is still not guessed, but it is offered to a person (a link proposal) instead of dropped.
        var close = CrossSystemMatcher.Match("pv-3", "Summit Electrical", Vendors, NoLinks);
        Assert.Null(close.LedgerId);
        Assert.Equal(MatchBasis.Ambiguous, close.Basis);
        Assert.Equal(["v3", "v4"], close.Candidates);
    }

    [Fact]
    public void Match_NoCandidateClose_IsNone() =>
        Assert.Equal(MatchBasis.None, CrossSystemMatcher.Match("pv-4", "Granite Works", Vendors, NoLinks).Basis);

    [Fact]
    public void Match_EqualNormalizedNames_IsAmbiguous()
    {
        var twins = new List<MatchCandidate> { new("a", ["Acme Drywall Inc"]), new("b", ["Acme Drywall LLC"]) };
        var match = CrossSystemMatcher.Match("p", "Acme Drywall", twins, NoLinks);
        Assert.Equal(MatchBasis.Ambiguous, match.Basis);
        Assert.Equal(["a", "b"], match.Candidates);
    }
}
