using BackOffice.Store.Bundle;

namespace BackOffice.Tests.Bundle;

public sealed class ValueParsersTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0.01", 1L)]
    [InlineData("-0.01", -1L)]
    [InlineData("1234.56", 123456L)]
    [InlineData("-12.00", -1200L)]
    [InlineData("1,234.56", 123456L)]
    [InlineData("1,234,567.89", 123456789L)]
    [InlineData("$1,234.56", 123456L)]
    [InlineData("-$12.50", -1250L)]
    [InlineData("$-12.50", -1250L)]
    [InlineData("(1,234.56)", -123456L)]
    [InlineData("($0.99)", -99L)]
    [InlineData("12.5", 1250L)]
    [InlineData("12.500", 1250L)]
    [InlineData("999999999999.99", 99999999999999L)]
    public void Money_ValidText_ReturnsCents(string text, long expected)
    {
        var parsed = ValueParsers.Money(text);

        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("12.345", "fraction of a cent")]
    [InlineData("0.001", "fraction of a cent")]
    [InlineData("12,34.00", "expected an amount")]
    [InlineData("1234,56", "expected an amount")]
    [InlineData("1.234,56", "expected an amount")]
    [InlineData("12.", "expected an amount")]
    [InlineData("--12", "expected an amount")]
    [InlineData("(-12)", "expected an amount")]
    [InlineData("1e3", "expected an amount")]
    [InlineData("USD 12", "expected an amount")]
    [InlineData("1000000000000.00", "expected an amount")]
    public void Money_InvalidText_ExplainsWhy(string text, string expected)
    {
        var parsed = ValueParsers.Money(text);

        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("10", 1000L)]
    [InlineData("7.5", 750L)]
    [InlineData("10%", 1000L)]
    [InlineData("0.01", 1L)]
    [InlineData("99.99%", 9999L)]
    [InlineData("100", 10000L)]
    public void Percent_ValidText_ReturnsBasisPoints(string text, long expected)
    {
        Assert.Equal(expected, ValueParsers.Percent(text).Value);
    }

    [Theory]
    [InlineData("100.01")]
    [InlineData("101%")]
    [InlineData("-1")]
    [InlineData("7.125")]
    [InlineData("ten")]
    [InlineData("0.1%%")]
    public void Percent_InvalidText_IsAnError(string text)
    {
        Assert.NotNull(ValueParsers.Percent(text).Error);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7.5", 75000L)]
    [InlineData("0.0001", 1L)]
    [InlineData("12.3456", 123456L)]
    [InlineData("1600", 16000000L)]
    public void E4_ValidText_ReturnsTenThousandths(string text, long expected)
    {
        Assert.Equal(expected, ValueParsers.E4(text).Value);
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("12.34567")]
    [InlineData("-1")]
    [InlineData("1,600")]
    public void E4_InvalidText_IsAnError(string text)
    {
        Assert.NotNull(ValueParsers.E4(text).Error);
    }

    [Theory]
    [InlineData("2026-11-05", "2026-11-05")]
    [InlineData("2028-02-29", "2028-02-29")]
    [InlineData("11/05/2026", null)]
    [InlineData("2026-02-30", null)]
    [InlineData("2026-1-5", null)]
    public void Date_Text_IsIsoOnly(string text, string? expected)
    {
        Assert.Equal(expected, ValueParsers.Date(text).Value);
    }

    [Theory]
    [InlineData("2026-11-02T07:00", "2026-11-02T07:00:00")]
    [InlineData("2026-11-02T17:30:15", "2026-11-02T17:30:15")]
    [InlineData("2026-11-02 07:00", null)]
    [InlineData("2026-11-02T25:00", null)]
    public void DateTime_Text_IsLocalIso(string text, string? expected)
    {
        Assert.Equal(expected, ValueParsers.DateTime(text).Value);
    }

    [Theory]
    [InlineData("true", 1L)]
    [InlineData("Yes", 1L)]
    [InlineData("1", 1L)]
    [InlineData("FALSE", 0L)]
    [InlineData("no", 0L)]
    [InlineData("0", 0L)]
    [InlineData("y", null)]
    public void Bool_Text_AcceptsTheSixSpellings(string text, long? expected)
    {
        Assert.Equal(expected, ValueParsers.Bool(text).Value);
    }

    [Theory]
    [InlineData("retainage_bp", "retainage_percent")]
    [InlineData("percent_complete_bp", "percent_complete")]
    [InlineData("contract_cents", "contract")]
    [InlineData("base_rate_cents", "base_rate")]
    [InlineData("crew_hours_e4", "crew_hours")]
    [InlineData("job_id", "job_id")]
    public void CsvNameFor_SqlName_StripsUnitSuffix(string sqlName, string expected)
    {
        Assert.Equal(expected, ColumnSpec.CsvNameFor(sqlName));
    }
}
