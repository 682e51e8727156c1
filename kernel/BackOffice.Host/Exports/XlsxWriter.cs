using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using BackOffice.Host.ApprovalConsole;

namespace BackOffice.Host.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as one worksheet with DocumentFormat.OpenXml (issue 17): a bold header row,
/// amounts as numbers in a currency format, percentages as fractions in a percent format, dates as real dates, text in
/// the shared string table. Amounts stay decimal from the report's text to the cell (never double).
/// </summary>
public static class XlsxWriter
{
    private const uint Header = 1, Currency = 2, Percent = 3, DateStyle = 4, Plain = 0;

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(new Row(table.Columns.Select(c => (OpenXmlElement)Text(c.Title, strings, index, Header))));
            foreach (var row in table.Rows)
            {
                data.AppendChild(new Row(table.Columns.Select(c => (OpenXmlElement)CellFor(c, ListQuery.Cell(row, c.Name), strings, index))));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(table.Title) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell CellFor(ExportColumn column, string value, SharedStringTablePart strings, Dictionary<string, int> index)
    {
        var number = ExportTable.Number(value);
        return column.Kind switch
        {
            AccountingText.Kind.Money when number is { } n => NumberCell(n, Currency),
            AccountingText.Kind.Percent when number is { } n => NumberCell(n / 100m, Percent),
            AccountingText.Kind.Number when number is { } n => NumberCell(n, Plain),
            AccountingText.Kind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
                NumberCell((decimal)d.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
            _ => Text(value, strings, index, Plain),
        };
    }

    private static Cell NumberCell(decimal value, uint style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell Text(string value, SharedStringTablePart strings, Dictionary<string, int> index, uint style)
    {
        if (!index.TryGetValue(value, out var i))
        {
            i = index.Count;
            index[value] = i;
            strings.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)), StyleIndex = style };
    }

    /// <summary>Fonts, fills and borders Excel requires, and the cell formats: plain, bold header, currency, percent, date.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "\"$\"#,##0.00;-\"$\"#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 5 });

    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim();
        return clean.Length == 0 ? "Report" : clean.Length > 31 ? clean[..31] : clean;
    }
}
