using BackOffice.Tests.Support;
using BackOffice.Tools.Documents;
using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Figures;

/// <summary>Three-way match options of issue 16: percent of the invoice, over-receipt, variance shown inside tolerance. All DERIVED.</summary>
public sealed class ThreeWayMatchOptionsTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    // 2% of the order 10,000.00 allows 200.00; 2% of the invoice 10,201.00 allows 204.02: 201.00 over fails the first, passes the second.
    [InlineData(TolerancePercentOf.Expected, 200.00, false)]
    [InlineData(TolerancePercentOf.Actual, 204.02, true)]
    public void Check_PercentOfOrderOrInvoice_TakesThePercentOfThatAmount(TolerancePercentOf percentOf, double allowed, bool within)
    {
        var tolerance = new Tolerance(0m, 2m, ToleranceBasis.PercentOnly) { PercentOf = percentOf };

        var outcome = tolerance.Check(10_000m, 10_201m);

        Assert.Equal(((decimal)allowed, within, 201m, 2.01m), (outcome.Allowed, outcome.Within, outcome.Variance, outcome.VariancePercent));
    }

    [Theory]
    // Ordered 100, received 103: exact over-receipt fails; 5% allowed passes; received 98 (short) is no over-receipt.
    [InlineData(103, null, false)]
    [InlineData(103, 5.0, true)]
    [InlineData(98, null, true)]
    public void Match_ReceivedMoreThanOrdered_IsAnOverReceiptUnlessTolerated(int received, double? percent, bool within)
    {
        var overReceipt = percent is null ? null : new Tolerance(0m, (decimal)percent, ToleranceBasis.PercentOnly);
        var result = ThreeWayMatch.Match(1_000m, new OrderLeg("PO-1", 1_000m, 0m), new ReceiptLeg("RC-1", 1_000m), Tolerance.Exact,
            [new LineMatch(10m, 10m, received, received, OrderedQuantity: 100m)], Tolerance.Exact, Tolerance.Exact, overReceipt);

        var check = Assert.Single(result.Checks, c => c.Name == "over-receipt");
        Assert.Equal(within, check.Outcome.Within);
        Assert.Equal(within, !result.Problems.Any(p => p.StartsWith("over-receipt", StringComparison.Ordinal)));
    }

    [Fact]
    public void Match_InsideTolerance_StillCarriesTheVariance()
    {
        var result = ThreeWayMatch.Match(1_010m, new OrderLeg("PO-1", 1_000m, 0m), new ReceiptLeg("RC-1", 1_000m), Tolerance.Default, [], Tolerance.Exact, Tolerance.Exact);

        Assert.True(result.Matched);
        Assert.All(result.Checks, c => Assert.Equal((10m, 20m, 1.00m), (c.Outcome.Variance, c.Outcome.Allowed, c.Outcome.VariancePercent)));
    }

    [Fact]
    public async Task Report_DemoInbox_ListsMatchedBillsWithTheirVariance()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");

        var rows = (await cli.OkAsync("report", "three-way-match", "--tenant", "demo", "--json")).Json.AsArray();

        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => (string?)r!["within"] == "yes" && ((string)r["match"]!).StartsWith("matched", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.NotNull((string?)r!["variance"]));
    }
}
