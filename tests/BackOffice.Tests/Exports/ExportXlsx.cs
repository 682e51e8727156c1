using System.Globalization;
using BackOffice.Store.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BackOffice.Tests.Exports;

/// <summary>
/// A CSV export rewritten as the XLSX the same report downloads as (issue 14): the same rows, with dates as date cells
/// (number format 14) and plain amounts as number cells; "$" totals and titles stay text, as Intuit's sheets show them.
/// </summary>
public static class ExportXlsx
{
    public static async Task<string> FromCsvAsync(string csv, string xlsx)
    {
        var rows = await ExportSheetReader.ReadAsync(csv, CancellationToken.None);
        using var document = SpreadsheetDocument.Create(xlsx, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            data.AppendChild(new Row(row.Cells.Select(Cell)) { RowIndex = (uint)row.Row });
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        workbook.Workbook.Save();
        return xlsx;
    }

    private static OpenXmlElement Cell(string text)
    {
        if (DateTime.TryParseExact(text, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Cell { DataType = CellValues.Number, CellValue = new CellValue((decimal)date.ToOADate()), StyleIndex = 1 };
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var amount)
            ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(amount) }
            : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
    }
}
