using System.Globalization;
using System.Text.Json.Nodes;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// What the report PDFs (the WIP schedule and the receivables aging, issues 16 and 17) share: landscape Letter pages of
/// a fixed number of rows drawn in the pay application's embedded font, amounts formatted as on the G702 from the
/// report's own text (never through a double), and names cut to their column. Each report draws its own page.
/// </summary>
internal static class ReportPdfPages
{
    /// <summary>Draws <paramref name="rows"/> <paramref name="rowsPerPage"/> at a time; the page callback gets (page, pages).</summary>
    public static byte[] Write(string title, IReadOnlyList<JsonObject> rows, int rowsPerPage, Action<XGraphics, JsonObject[], int, int> drawPage)
    {
        PdfFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = title;
        var chunks = rows.Chunk(rowsPerPage).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.Letter;
            page.Orientation = PageOrientation.Landscape;
            using var g = XGraphics.FromPdfPage(page);
            drawPage(g, chunks[i], i + 1, chunks.Count);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>A report cell: an amount with thousands separators as on the G702 (the report's cent figure, only formatted), other text as it is.</summary>
    public static string Cell(JsonObject row, string column, bool isAmount)
    {
        var text = row[column]?.GetValue<string>() ?? "";
        return isAmount && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? PayAppForm.Money(amount)
            : text;
    }

    /// <summary>A long name is cut with an ellipsis rather than drawn over the next column.</summary>
    public static string Fit(XGraphics g, string text, XFont font, double width)
    {
        while (text.Length > 1 && g.MeasureString(text, font).Width > width)
        {
            text = text[..^2] + "…";
        }

        return text;
    }
}
