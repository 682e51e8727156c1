using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// The G702 page of the pay application PDF (issue 16), in the AIA G702-1992 arrangement: heading across the top, the
/// contractor's application (lines 1-9 and the change order summary) on the left half, the contractor's signature and
/// the architect's certificate on the right half, the tie-out result at the foot.
/// </summary>
internal static class PayAppG702Page
{
    // Page geometry in points, PDFsharp's unit (double); amounts reach the page only as text formatted from decimal by PayAppForm.Money.
    private const double Margin = 36, Half = 270;

    public static void Draw(XGraphics g, PayAppDocument document)
    {
        using (g)
        {
            var title = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Family, 7.5);
            var bold = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Bold);
            g.DrawString("AIA DOCUMENT G702 LAYOUT", body, XBrushes.Black, Margin, Margin);
            g.DrawString(PayAppForm.G702Title, title, XBrushes.Black, Margin, Margin + 18);
            var y = Margin + 34;
            foreach (var (label, value) in PayAppForm.Heading(document))
            {
                g.DrawString(label, bold, XBrushes.Black, Margin, y);
                g.DrawString(value, body, XBrushes.Black, Margin + 80, y);
                y += 11;
            }

            g.DrawLine(XPens.Black, Margin, y, g.PageSize.Width - Margin, y);
            var top = y + 14;
            var bottom = Lines(g, document, top, body, bold);
            bottom = ChangeOrders(g, document, bottom + 16, body, bold);
            Certificates(g, document, top, body, bold);
            g.DrawLine(XPens.Black, Margin + Half + 8, top - 6, Margin + Half + 8, Math.Max(bottom, top + 300));
            TieOut(g, document, Math.Max(bottom, top + 300) + 20, body, bold);
        }
    }

    private static double Lines(XGraphics g, PayAppDocument document, double y, XFont body, XFont bold)
    {
        g.DrawString("CONTRACTOR'S APPLICATION FOR PAYMENT", bold, XBrushes.Black, Margin, y);
        y += 16;
        foreach (var line in PayAppForm.G702Lines(document.Packet))
        {
            var indent = line.Line is "a." or "b." || line.Line == "" ? 14 : 0;
            g.DrawString(line.Line, bold, XBrushes.Black, Margin + indent, y);
            var used = Wrapped(g, line.Caption, line.Line is "3." or "4." or "6." or "8." or "9." ? bold : body, new XRect(Margin + indent + 14, y - 7, 180 - indent, 24), top: true);
            if (line.Amount is { } amount)
            {
                g.DrawString("$ " + PayAppForm.Money(amount), bold, XBrushes.Black, new XRect(Margin + 196, y - 7, Half - 196, 10), XStringFormats.TopRight);
                g.DrawLine(XPens.Black, Margin + 200, y + 4, Margin + Half, y + 4);
            }

            y += Math.Max(used, 10) + 6;
        }

        return y;
    }

    private static double ChangeOrders(XGraphics g, PayAppDocument document, double y, XFont body, XFont bold)
    {
        double[] columns = [150, 60, 60];
        Row(g, y, columns, ["CHANGE ORDER SUMMARY", "ADDITIONS", "DEDUCTIONS"], bold);
        y += 22;
        foreach (var (caption, additions, deductions) in PayAppForm.ChangeOrderRows(document.Packet.ChangeOrders))
        {
            Row(g, y, columns, [caption, "$ " + PayAppForm.Money(additions), "$ " + PayAppForm.Money(deductions)], caption == "TOTALS" ? bold : body);
            y += 22;
        }

        Row(g, y, [150, 120], ["NET CHANGES by Change Order", "$ " + PayAppForm.Money(document.Packet.ChangeOrders.NetChange)], bold);
        return y + 22;
    }

    private static void Row(XGraphics g, double y, double[] widths, string[] cells, XFont font)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            g.DrawRectangle(XPens.Black, x, y, widths[i], 22);
            Wrapped(g, cells[i], font, new XRect(x + 3, y + 3, widths[i] - 6, 18), top: true);
            x += widths[i];
        }
    }

    private static void Certificates(XGraphics g, PayAppDocument document, double y, XFont body, XFont bold)
    {
        var x = Margin + Half + 20;
        var width = g.PageSize.Width - Margin - x;
        g.DrawString("CONTRACTOR:", bold, XBrushes.Black, x, y);
        Wrapped(g, "The undersigned Contractor certifies that to the best of the Contractor's knowledge, information and belief the Work covered by this Application for Payment has been completed in accordance with the Contract Documents, that all amounts have been paid by the Contractor for Work for which previous Certificates for Payment were issued and payments received from the Owner, and that current payment shown herein is now due.",
            body, new XRect(x, y + 6, width, 70), top: true);
        g.DrawString("By: ______________________________   Date: ____________", body, XBrushes.Black, x, y + 90);
        y += 120;
        g.DrawString("ARCHITECT'S CERTIFICATE FOR PAYMENT", bold, XBrushes.Black, x, y);
        Wrapped(g, "In accordance with the Contract Documents, based on evaluation of the Work and the data comprising this application, the Architect certifies to the Owner that to the best of the Architect's knowledge, information and belief the Work has progressed as indicated, the quality of the Work is in accordance with the Contract Documents, and the Contractor is entitled to payment of the AMOUNT CERTIFIED.",
            body, new XRect(x, y + 6, width, 70), top: true);
        g.DrawString($"AMOUNT CERTIFIED ..................... $ {PayAppForm.Money(document.Packet.Summary.CurrentPaymentDue)}", bold, XBrushes.Black, x, y + 90);
        g.DrawString("ARCHITECT: By: _________________________   Date: ____________", body, XBrushes.Black, x, y + 112);
    }

    private static void TieOut(XGraphics g, PayAppDocument document, double y, XFont body, XFont bold)
    {
        g.DrawString("TIE-OUT (computed by the back office from the schedule of values)", bold, XBrushes.Black, Margin, y);
        foreach (var text in PayAppForm.TieOutText(document).Take(12))
        {
            y += 11;
            g.DrawString(text, body, document.TieOut.Count == 0 ? XBrushes.Black : XBrushes.DarkRed, Margin, y);
        }
    }

    /// <summary>Draws text wrapped into the box; returns the height it used (approximately: lines x line height).</summary>
    public static double Wrapped(XGraphics g, string text, XFont font, XRect box, bool top = false)
    {
        var formatter = new XTextFormatter(g) { Alignment = top ? XParagraphAlignment.Left : XParagraphAlignment.Center };
        formatter.DrawString(text, font, XBrushes.Black, box, XStringFormats.TopLeft);
        var width = g.MeasureString(text, font).Width;
        return Math.Ceiling(width / Math.Max(box.Width, 1)) * font.GetHeight();
    }
}
