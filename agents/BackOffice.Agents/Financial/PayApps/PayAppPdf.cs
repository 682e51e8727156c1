using BackOffice.Tools.PayApps;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// Writes the pay application packet as a PDF laid out like the AIA forms (issue 16): a portrait G702 page (heading,
/// the contractor's application lines 1-9 and the change order summary on the left, certificate blocks on the right)
/// and landscape G703 continuation pages with columns A-I, ruled, totals on the last page.
/// </summary>
internal static class PayAppPdf
{
    // Page geometry in points, PDFsharp's unit (double); no amount is ever a double here.
    private const double Margin = 36;
    private const int RowsPerG703Page = 24;

    public static byte[] Write(PayAppDocument document)
    {
        PdfFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"G702/G703 {document.Job.JobId} application {document.PayApp.Number}";
        PayAppG702Page.Draw(Page(pdf, PageOrientation.Portrait), document);
        var chunks = document.Packet.Lines.Chunk(RowsPerG703Page).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            DrawG703(Page(pdf, PageOrientation.Landscape), document, chunks[i], i == chunks.Count - 1, i + 1, chunks.Count);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    private static XGraphics Page(PdfDocument pdf, PageOrientation orientation)
    {
        var page = pdf.AddPage();
        page.Size = PageSize.Letter;
        page.Orientation = orientation;
        return XGraphics.FromPdfPage(page);
    }

    private static readonly double[] Widths = [34, 168, 62, 62, 62, 62, 66, 36, 62, 56];

    private static void DrawG703(XGraphics g, PayAppDocument document, G703Line[] lines, bool last, int page, int pages)
    {
        using (g)
        {
            var bold = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
            var small = new XFont(PdfFonts.Family, 7);
            var smallBold = new XFont(PdfFonts.Family, 7, XFontStyleEx.Bold);
            g.DrawString("AIA DOCUMENT G703 LAYOUT", small, XBrushes.Black, Margin, Margin);
            g.DrawString(PayAppForm.G703Title, bold, XBrushes.Black, Margin, Margin + 16);
            var right = g.PageSize.Width - Margin - 200;
            g.DrawString($"APPLICATION NO: {document.PayApp.Number}", small, XBrushes.Black, right, Margin + 4);
            g.DrawString($"PERIOD TO: {document.PayApp.PeriodEnd:yyyy-MM-dd}", small, XBrushes.Black, right, Margin + 14);
            g.DrawString($"PROJECT: {document.Job.Name}", small, XBrushes.Black, right, Margin + 24);
            g.DrawString($"Page {page} of {pages}", small, XBrushes.Black, right, Margin + 34);
            var y = Margin + 48;
            y = TableRow(g, y, 12, [.. PayAppForm.G703Letters], smallBold, center: true);
            y = TableRow(g, y, 42, [.. PayAppForm.G703Captions], smallBold, center: true);
            foreach (var line in lines)
            {
                y = TableRow(g, y, 16, [.. PayAppForm.G703Cells(line).Select(Text)], small, center: false);
            }

            if (last)
            {
                y = TableRow(g, y, 18, [.. PayAppForm.G703Cells(document.Packet.Totals).Select(Text)], smallBold, center: false);
                // Issue 16: each rounding point stated in the report, under the grand total.
                PayAppG702Page.Wrapped(g, "Rounding: " + RoundingStatements.PayApplication["rounding: ".Length..] + ".", small,
                    new XRect(Margin, y + 6, g.PageSize.Width - (2 * Margin), 20), top: true);
            }
        }
    }

    /// <summary>One ruled table row; text columns left, amounts right, headings centred and wrapped.</summary>
    private static double TableRow(XGraphics g, double y, double height, string[] cells, XFont font, bool center)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var box = new XRect(x, y, Widths[i], height);
            g.DrawRectangle(XPens.Black, box);
            var inner = new XRect(x + 2, y + 2, Widths[i] - 4, height - 4);
            if (center)
            {
                PayAppG702Page.Wrapped(g, cells[i], font, inner);
            }
            else
            {
                g.DrawString(cells[i], font, XBrushes.Black, inner, i < 2 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
            }

            x += Widths[i];
        }

        return y + height;
    }

    private static string Text(object cell) => cell switch
    {
        decimal amount => PayAppForm.Money(amount),
        PercentCell percent => $"{percent.Percent:0.00}%",
        _ => cell.ToString() ?? "",
    };
}
