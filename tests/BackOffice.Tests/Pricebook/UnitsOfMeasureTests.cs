using BackOffice.Tools.Pricebook;

namespace BackOffice.Tests.Pricebook;

public sealed class UnitsOfMeasureTests
{
    /// <summary>
    /// 1 ft = 0.3048 m exactly (International Yard and Pound Agreement, 1959; NIST Handbook 44, Appendix C).
    /// C = per hundred and M = per thousand, CLF = per hundred linear feet: the trade's Roman-numeral price units
    /// (e.g. lumber priced per MBF, wire per CLF/MLF in supplier catalogues).
    /// </summary>
    [Theory]
    [InlineData("EA", "EA", "37.99", "37.99")]
    [InlineData("BOX OF 50", "EA", "37.50", "0.75")]
    [InlineData("bx/50", "EA", "37.50", "0.75")]
    [InlineData("BX50", "each", "37.50", "0.75")]
    [InlineData("EA", "BOX OF 50", "0.75", "37.50")]
    [InlineData("C", "EA", "12.00", "0.12")]
    [InlineData("M", "EA", "31.25", "0.03125")]
    [InlineData("M", "C", "31.25", "3.125")]
    [InlineData("per 100 ft", "FT", "37.99", "0.3799")]
    [InlineData("CLF", "LF", "37.99", "0.3799")]
    [InlineData("FT", "MTR", "0.3048", "1")]
    [InlineData("MTR", "FT", "10", "3.048")]
    [InlineData("100 FT", "MTR", "30.48", "1")]
    [InlineData("MLF", "FT", "250", "0.25")]
    [InlineData("ROLL OF 250 FT", "FT", "98.65", "0.3946")]
    [InlineData("SHEET", "SHT", "14.25", "14.25")]
    [InlineData("DOZ", "EA", "6", "0.5")]
    public void ConvertPrice_KnownUnits_ConvertsThePrice(string vendorUnit, string pricebookUnit, string price, string expected)
    {
        var converted = UnitsOfMeasure.ConvertPrice(
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), UnitsOfMeasure.Parse(vendorUnit)!, UnitsOfMeasure.Parse(pricebookUnit)!);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), converted);
    }

    [Theory]
    [InlineData("EA", "FT")]
    [InlineData("BOX OF 50", "BOX")]
    [InlineData("SHT", "PAIL")]
    [InlineData("MTR", "EA")]
    public void ConvertPrice_DifferentDimensions_IsNull(string vendorUnit, string pricebookUnit) =>
        Assert.Null(UnitsOfMeasure.ConvertPrice(1m, UnitsOfMeasure.Parse(vendorUnit)!, UnitsOfMeasure.Parse(pricebookUnit)!));

    [Theory]
    [InlineData("")]
    [InlineData("12.5.3")]
    [InlineData("100 C")]
    [InlineData("BOX OF 0")]
    public void Parse_Unreadable_IsNull(string text) => Assert.Null(UnitsOfMeasure.Parse(text));

    [Fact]
    public void Parse_M_IsThousandNotMetre() => Assert.Equal(new UnitOfMeasure(UnitDimension.Count, 1000m, ""), UnitsOfMeasure.Parse("M"));
}
