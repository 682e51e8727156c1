using BackOffice.Tests.Support;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: gross margin on billings in the WIP by period (billings to date less cost to date, percent of billings).</summary>
public sealed class BillingsMarginTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public BillingsMarginTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Theory]
    // Inputs PUBLISHED (Kieso Problem 18-11, Nash Construction, billings and costs to date for 2017, 2018, 2019); margins
    // DERIVED: 300,000 - 312,900 = -12,900 (-4.30%); 1,090,000 - 1,148,400 = -58,400 (-5.357798 -> -5.36%);
    // 1,850,000 - 2,076,000 = -226,000 (-12.216216 -> -12.22%).
    [InlineData("300000", "312900", "-12900", "-4.30")]
    [InlineData("1090000", "1148400", "-58400", "-5.36")]
    [InlineData("1850000", "2076000", "-226000", "-12.22")]
    // Nothing billed: no percent of nothing.
    [InlineData("0", "16000", "-16000", "0")]
    // Boundary of the two-place rounding (DERIVED): 1.005% of billings rounds half away from zero to 1.01%.
    [InlineData("20000", "19799", "201", "1.01")]
    public void Compute_BilledAndCostToDate_GivesMarginAndPercentOfBillings(string billed, string cost, string margin, string percent)
    {
        var result = BillingsMarginTools.Compute(D(billed), D(cost));

        Assert.Equal((D(margin), D(percent)), (result.Margin, result.PercentOfBillings));
    }

    [Fact]
    public async Task WipPeriod_DemoOctober_ShowsTheCompanyMarginOnBillings()
    {
        // The demo's October (DERIVED from its books): billed 249,150.00, cost 136,562.47 -> 112,587.53, 45.188653 -> 45.19%.
        await _cli.OkAsync("demo");

        var rows = (await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--period", "2026-10", "--json")).Json.AsArray()
            .Select(n => n!.AsObject()).ToList();

        var company = rows.Single(r => (string?)r["id"] == "company");
        Assert.Equal(("249150.00", "136562.47", "112587.53", "45.19"),
            ((string?)company["billedToDate"], (string?)company["costToDate"], (string?)company["billingsMargin"], (string?)company["billingsMarginPercent"]));
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
