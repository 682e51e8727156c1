using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: workforce/burden-profiles.csv into `report labor-burden`, grouped by trade, and its validation.</summary>
public sealed class BurdenProfileReportTests : IDisposable
{
    private const string Profiles = "workforce/burden-profiles.csv";
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private void WriteProfiles(params string[] rows) => File.WriteAllLines(Path.Combine(_kit.Bundle, Profiles),
        ["id,trade,name,basis,rate,wage_base,on_overtime_premium,class_code", .. rows]);

    [Fact]
    public async Task LaborBurden_CarpentryProfile_ChargesCarpentersAndTotalsTheTrade()
    {
        // Demo carpenters with the shipped federal components (Social Security 6.2% to 184,500, Medicare 1.45%, FUTA 0.6%
        // to 7,000) plus the Carpentry profile: workers' comp $13.20 per $100 (class 5403), union fringes $8.50 an hour.
        // DERIVED: Luis $42.50 x 2,080 = 88,400.00: SS 5,480.80, Medicare 1,281.80, FUTA 42.00, WC 11,668.80, fringes
        // 17,680.00 = 36,153.40; (88,400 + 36,153.40) / 2,080 = 59.88. Marcus $36.00: 74,880.00; 4,642.56 + 1,085.76 +
        // 42.00 + 9,884.16 + 17,680.00 = 33,334.48. Kevin $45.00: 93,600.00; 5,803.20 + 1,357.20 + 42.00 + 12,355.20 +
        // 17,680.00 = 37,237.60. Trade: 256,880.00 wages, 106,725.48 burden, 41.55% (41.5468...).
        WriteProfiles("bp-1,Carpentry,Workers comp,per-hundred-of-wages,13.20,,,5403", "bp-2,Carpentry,Union fringes,per-hour,8.50,,,");
        var cli = new CliRunner(_kit.Temp.Root);
        await cli.OkAsync("tenant", "create", "demo");
        await cli.OkAsync("import", "--tenant", "demo", _kit.Bundle);

        var rows = (await cli.OkAsync("report", "labor-burden", "--tenant", "demo", "--json")).Json.AsArray().Select(n => n!.AsObject()).ToList();

        var luis = rows.Single(r => (string?)r["id"] == "emp-1");
        Assert.Equal(("Carpentry", "36153.40", "59.88"), ((string?)luis["profile"], (string?)luis["burden"], (string?)luis["perPaidHour"]));
        Assert.Equal("Social Security 5480.80; Medicare 1281.80; FUTA 42.00; Workers comp (5403) 11668.80; Union fringes 17680.00", (string?)luis["components"]);
        var total = rows.Single(r => (string?)r["id"] == "trade:Carpentry");
        Assert.Equal(("256880.00", "106725.48", "41.55"), ((string?)total["wages"], (string?)total["burden"], (string?)total["burdenPercent"]));
        Assert.Equal("trade:Carpentry", (string?)rows[rows.IndexOf(rows.Single(r => (string?)r["id"] == "emp-5")) + 1]["id"]);
        Assert.Equal(BackOffice.Tools.Labor.BurdenProfileTools.CompanyDefault, (string?)rows.Single(r => (string?)r["id"] == "emp-3")["profile"]);
    }

    [Theory]
    [InlineData("bp-1,Carpentry,Workers comp,per-day,13.20,,,", "basis")]
    [InlineData("bp-1,,Workers comp,per-hour,13.20,,,", "trade")]
    [InlineData("bp-1,Carpentry,Workers comp,per-hour,,,,", "rate")]
    public async Task Import_BadProfileRow_NamesFileRowAndField(string row, string column)
    {
        WriteProfiles(row);

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Profiles, 2, column), (error.File, error.Line, error.Column));
    }
}
