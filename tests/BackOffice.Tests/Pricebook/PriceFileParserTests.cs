using BackOffice.Domain.Pricebook;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Tests.Pricebook;

public sealed class PriceFileParserTests
{
    private static List<RawPriceRow> Rows(params string[][] rows) => rows.Select((r, i) => new RawPriceRow(i + 1, r)).ToList();

    [Fact]
    public void Suggest_AbcSupplyHeader_MapsEveryColumn()
    {
        var suggestion = PriceFileHeaders.Suggest([["Item #", "Description", "UOM", "Price", "Effective"]]);

        Assert.Equal(new PriceFileMapping("Item #", "Description", "UOM", "Price", "Effective"), suggestion.Mapping);
    }

    [Fact]
    public void Suggest_TitleRowsAbove_FindsTheHeaderRow()
    {
        var suggestion = PriceFileHeaders.Suggest([
            ["Home Depot Pro - Contractor price list", "", ""], ["Account 44120", "", ""],
            ["Part Number", "Product Description", "Unit of Measure", "Net Price", "List Price"]]);

        Assert.Equal(2, suggestion.HeaderIndex);
        Assert.Equal(new PriceFileMapping("Part Number", "Product Description", "Unit of Measure", "Net Price", null), suggestion.Mapping);
    }

    [Fact]
    public void Suggest_NoUnitColumn_SaysWhatIsMissing()
    {
        var suggestion = PriceFileHeaders.Suggest([["SKU", "Price"]]);

        Assert.Null(suggestion.Mapping);
        Assert.Contains("no unit column and no default unit", suggestion.Problems);
    }

    [Fact]
    public void Parse_BadRows_ReportsEachRowNumberAndEveryReason()
    {
        var rows = Rows(
            ["Item #", "Description", "UOM", "Price", "Effective"],
            ["SPF2408", "2x4x8 SPF Stud", "EA", "4.39", "2026-12-01"],
            ["", "", "EA", "1.00", ""],
            ["DF2610", "2x6x10", "BUNDLE OF", "ten", "2026/12/01"],
            ["GYP1248", "1/2 Drywall", "SHT", "$1,234.5000", "12/1/2026"],
            ["SPF2408", "dup", "EA", "4.40", ""],
            ["NL16D50", "Nails", "BOX", "0.00", "2026-13-01"],
            ["X1", "Too fine", "EA", "0.031255", ""],
            ["", "", "", "", ""]);

        var parsed = PriceFileParser.Parse(rows, 0, PriceFileHeaders.Suggest([rows[0].Cells]).Mapping!);

        Assert.Equal(["SPF2408", "GYP1248"], parsed.Lines.Select(l => l.VendorSku));
        Assert.Equal(1234.5m, parsed.Lines[1].Price);
        Assert.Equal(new DateOnly(2026, 12, 1), parsed.Lines[1].Effective);
        Assert.Equal([3, 4, 6, 7, 8], parsed.BadRows.Select(b => b.Row));
        Assert.Equal(["no item number and no description"], parsed.BadRows[0].Reasons);
        Assert.Equal(3, parsed.BadRows[1].Reasons.Count);
        Assert.Contains("item number 'SPF2408' is already on row 2", parsed.BadRows[2].Reasons);
        Assert.Equal(2, parsed.BadRows[3].Reasons.Count);
        Assert.Contains("more than 4 decimals", parsed.BadRows[4].Reasons.Single());
    }

    [Fact]
    public void Parse_DefaultUnit_ServesAFileWithoutUnits()
    {
        var rows = Rows(["SKU", "Price"], ["A-1", "2.50"]);

        var parsed = PriceFileParser.Parse(rows, 0, new PriceFileMapping("SKU", null, null, "Price", null, DefaultUnit: "EA"));

        Assert.Equal("EA", Assert.Single(parsed.Lines).Unit);
    }
}
