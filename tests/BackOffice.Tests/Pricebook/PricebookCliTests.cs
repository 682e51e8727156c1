using BackOffice.Tests.Support;

namespace BackOffice.Tests.Pricebook;

public sealed class PricebookCliTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<CliRunner> TenantAsync()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("tenant", "create", "acme");
        await PricebookSeed.ItemsAsync(_temp.Tenant("acme"));
        return cli;
    }

    private string Csv(params string[] lines)
    {
        var path = Path.Combine(_temp.Root, $"prices-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Import_BadRows_NothingUnlessAskedAndEveryBadRowListed()
    {
        var cli = await TenantAsync();
        var file = Csv("Item #,Description,UOM,Price", "SPF2408,2x4x8 SPF Stud,EA,4.39", "GYPX5848,5/8 Type X,SHT,n/a", "NL16D50,Nails,BUCKET OF,68.50");

        var refused = await cli.RunAsync("pricebook", "import", file, "--vendor", "ABC Supply", "--tenant", "acme", "--json");
        var accepted = await cli.RunAsync("pricebook", "import", file, "--vendor", "ABC Supply", "--tenant", "acme", "--accept-good-rows", "--json");

        Assert.Equal(2, refused.ExitCode);
        Assert.False((bool)refused.Json["imported"]!);
        Assert.Equal([3, 4], refused.Json["badRows"]!.AsArray().Select(r => (int)r!["row"]!));
        Assert.Contains("price 'n/a'", (string)refused.Json["badRows"]![0]!["reasons"]!);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(1, (int)accepted.Json["lines"]!);
        Assert.Equal(2, accepted.Json["badRows"]!.AsArray().Count);
    }

    [Fact]
    public async Task Import_Xlsx_WithTitleRows_SuggestedMappingSavedAndReused()
    {
        var cli = await TenantAsync();
        var xlsx = Path.Combine(_temp.Root, "hd.xlsx");
        XlsxWriter.Write(xlsx, [
            ["ABC Supply price list December"], [],
            ["Part Number", "Product Description", "Unit of Measure", "Net Price"],
            ["SPF2408", "2x4x8 SPF Stud", "EA", 4.39], ["GYPX5848", "5/8 Type X", "SHT", 19.95]]);

        var first = await cli.OkAsync("pricebook", "import", xlsx, "--vendor", "ABC Supply", "--tenant", "acme", "--json");
        var renamed = Csv("Junk,Net Price,Part Number,Product Description,Unit of Measure", "x,439,SPF2408,2x4x8 stud,C");
        var second = await cli.OkAsync("pricebook", "import", renamed, "--vendor", "ABC Supply", "--tenant", "acme", "--json");
        var report = await cli.OkAsync("report", "pricebook-changes", "--tenant", "acme", "--as-of", "2026-11-20", "--json");

        Assert.True((bool)first.Json["mappingSaved"]!);
        Assert.Equal(2, (int)first.Json["lines"]!);
        Assert.False((bool)second.Json["mappingSaved"]!);
        var stud = report.Json.AsArray().Single(r => (string?)r!["itemId"] == "pb-01")!;
        Assert.Equal(("4.3900", "6.42", "6.59"), ((string?)stud["newCost"], (string?)stud["changePercent"], (string?)stud["newSell"]));
    }

    [Fact]
    public async Task Import_UnknownHeaderNoMapping_ExplainsAndExits2()
    {
        var cli = await TenantAsync();

        var result = await cli.RunAsync("pricebook", "import", Csv("A,B", "1,2"), "--vendor", "New Vendor", "--tenant", "acme");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no saved column mapping", result.Error);
    }
}
