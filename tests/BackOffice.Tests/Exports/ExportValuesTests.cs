using BackOffice.Kernel.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>Cells as the vendors write them (issue 14; notes/procore.md sections 6-8).</summary>
public sealed class ExportValuesTests
{
    [Theory]
    [InlineData("$1,234.50", "1234.50")]
    [InlineData("(1,234.50)", "-1234.50")]
    [InlineData("($350.00)", "-350.00")]
    [InlineData("-$1,234.50", "-1234.50")]
    [InlineData("$-12.00", "-12.00")]
    [InlineData("-1,234.56", "-1234.56")]
    [InlineData("1234.5", "1234.50")]
    [InlineData("0.00", "0.00")]
    [InlineData(" $486.22 ", "486.22")]
    [InlineData("1234.5600000000002", "1234.56")]
    public void Money_VendorFormats_ReadsExactCents(string text, string expected)
    {
        var cell = ExportValues.Money(text);

        Assert.Null(cell.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    public void Money_Blank_IsNoValue(string text)
    {
        var cell = ExportValues.Money(text);

        Assert.Null(cell.Error);
        Assert.Null(cell.Value);
    }

    [Theory]
    [InlineData("$1,2345.00")]
    [InlineData("12.345")]
    [InlineData("1.234,50")]
    [InlineData("USD 12")]
    [InlineData("(12")]
    public void Money_NotAnAmount_SaysWhatWasExpected(string text)
    {
        var cell = ExportValues.Money(text);

        Assert.Null(cell.Value);
        Assert.Contains(text, cell.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11/03/2026", 2026, 11, 3)]
    [InlineData("1/5/2026", 2026, 1, 5)]
    [InlineData("2026-11-03", 2026, 11, 3)]
    [InlineData("Monday, November 2, 2026", 2026, 11, 2)]
    [InlineData("45961", 2025, 10, 31)] // Excel's DATE(2025,10,31) is 45961 (DATE(2025,1,1) = 45658, plus 303 days).
    public void Date_VendorFormats_ReadsTheDay(string text, int year, int month, int day)
    {
        var cell = ExportValues.Date(text);

        Assert.Null(cell.Error);
        Assert.Equal(new DateOnly(year, month, day), cell.Value);
    }

    [Theory]
    [InlineData("13/01/2026")]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    public void Date_NotADate_SaysMmDdYyyy(string text)
    {
        var cell = ExportValues.Date(text);

        Assert.Null(cell.Value);
        Assert.Contains("MM/dd/yyyy", cell.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_Blank_IsNoValue() => Assert.Equal(ExportCell<DateOnly>.Ok(null), ExportValues.Date(""));

    [Theory]
    [InlineData("09:56", "9.9333")] // 56/60 = 0.93333... to 4 places
    [InlineData("08:45", "8.75")]
    [InlineData("00:00", "0")]
    [InlineData("25.75", "25.75")]
    [InlineData("7.5", "7.5")]
    public void Hours_ClockOrDecimal_ReadsHours(string text, string expected)
    {
        var cell = ExportValues.Hours(text);

        Assert.Null(cell.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("08:75")]
    [InlineData("8h")]
    [InlineData("1.23456")]
    public void Hours_NotHours_Refused(string text) => Assert.NotNull(ExportValues.Hours(text).Error);
}
