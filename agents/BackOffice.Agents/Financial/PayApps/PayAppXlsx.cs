using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// Writes the pay application packet as an XLSX workbook (issue 16): sheet "G702" (heading, change order summary,
/// lines 1-9, tie-out) and sheet "G703" (columns A-I and the grand total). Amounts are numeric cells holding the exact
/// decimal (written as invariant text, never through a double) with a #,##0.00 format; percents are two-place numbers.
/// </summary>
internal static class PayAppXlsx
{
    private const uint Plain = 0, Bold = 1, Amount = 2, BoldAmount = 3;

    public static byte[] Write(PayAppDocument document)
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var part = workbook.AddWorkbookPart();
            part.Workbook = new Workbook(new Sheets());
            var styles = part.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            AddSheet(part, 1, "G702", G702Rows(document), [12, 70, 18, 18]);
            AddSheet(part, 2, "G703", G703Rows(document), [8, 36, 16, 16, 16, 16, 18, 9, 16, 14]);
            part.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static List<Row> G702Rows(PayAppDocument document)
    {
        var rows = new List<Row> { RowOf(Text(PayAppForm.G702Title, Bold)), RowOf(Text("AIA Document G702 layout", Plain)) };
        rows.AddRange(PayAppForm.Heading(document).Select(h => RowOf(Text(h.Label, Bold), Text(h.Value, Plain))));
        rows.Add(RowOf());
        rows.Add(RowOf(Text("CHANGE ORDER SUMMARY", Bold), Text("", Plain), Text("ADDITIONS", Bold), Text("DEDUCTIONS", Bold)));
        rows.AddRange(PayAppForm.ChangeOrderRows(document.Packet.ChangeOrders)
            .Select(c => RowOf(Text("", Plain), Text(c.Caption, Plain), Number(c.Additions, Amount), Number(c.Deductions, Amount))));
        rows.Add(RowOf(Text("", Plain), Text("NET CHANGES by Change Order", Bold), Number(document.Packet.ChangeOrders.NetChange, BoldAmount)));
        rows.Add(RowOf());
        rows.AddRange(PayAppForm.G702Lines(document.Packet).Select(l => l.Amount is { } a
            ? RowOf(Text(l.Line, Bold), Text(l.Caption, Plain), Number(a, Amount))
            : RowOf(Text(l.Line, Bold), Text(l.Caption, Plain))));
        rows.Add(RowOf());
        rows.AddRange(PayAppForm.TieOutText(document).Select(t => RowOf(Text("", Plain), Text(t, Plain))));
        return rows;
    }

    private static List<Row> G703Rows(PayAppDocument document)
    {
        var rows = new List<Row>
        {
            RowOf(Text(PayAppForm.G703Title, Bold)),
            RowOf(Text($"AIA Document G703 layout - application {document.PayApp.Number}, period to {document.PayApp.PeriodEnd:yyyy-MM-dd}", Plain)),
            RowOf([.. PayAppForm.G703Letters.Select(l => Text(l, Bold))]),
            RowOf([.. PayAppForm.G703Captions.Select(c => Text(c, Bold))]),
        };
        rows.AddRange(document.Packet.Lines.Select(l => RowOf([.. PayAppForm.G703Cells(l).Select(c => Cell(c, false))])));
        rows.Add(RowOf([.. PayAppForm.G703Cells(document.Packet.Totals).Select(c => Cell(c, true))]));
        return rows;
    }

    private static Cell Cell(object value, bool bold) => value switch
    {
        decimal amount => Number(amount, bold ? BoldAmount : Amount),
        PercentCell percent => Number(percent.Percent, bold ? Bold : Plain),
        _ => Text(value.ToString() ?? "", bold ? Bold : Plain),
    };

    private static void AddSheet(WorkbookPart part, uint id, string name, List<Row> rows, double[] widths)
    {
        // Rows and cells carry their references (A1, B1, ...) so every reader places them without guessing.
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].RowIndex = (uint)r + 1;
            var cells = rows[r].Elements<Cell>().ToList();
            for (var c = 0; c < cells.Count; c++)
            {
                cells[c].CellReference = $"{(char)('A' + c)}{r + 1}";
            }
        }

        var sheetPart = part.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        sheetPart.Worksheet = new Worksheet(columns, new SheetData(rows));
        part.Workbook.Sheets!.Append(new Sheet { Id = part.GetIdOfPart(sheetPart), SheetId = id, Name = name });
    }

    private static Row RowOf(params Cell[] cells) => new(cells);

    private static Cell Text(string text, uint style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell Number(decimal value, uint style) => new() { CellValue = new CellValue(value), DataType = CellValues.Number, StyleIndex = style };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00;(#,##0.00)" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true }) { Count = 4 });
}
