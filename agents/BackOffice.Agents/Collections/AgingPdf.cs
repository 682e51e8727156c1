using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.PayApps;
using BackOffice.Kernel.Abstractions.Reports;
using PdfSharp.Drawing;

namespace BackOffice.Agents.Collections;

/// <summary>
/// `backoffice report aging --format pdf --out FILE` and the console's PDF link (issue 17): the receivables aging by
/// due date on landscape Letter pages, ruled like the WIP schedule. It prints the report's own cells (the buckets as
/// configured, the total row last), so the PDF, the table and the JSON say the same thing.
/// </summary>
public sealed class AgingPdf(CollectionsOptions options) : IReportDocument
{
    // Page geometry in points, PDFsharp's unit (double); amounts are the report's text, never doubles.
    // The amount columns share what the two text columns leave of the page, however many buckets are configured.
    private const double Margin = 36, PageWidth = 792, TextWidth = 140, MaxAmountWidth = 62;
    private const int RowsPerPage = 34;

    private readonly AgingReport _report = new(options);

    public string Name => "aging";

    public IReadOnlyList<string> Formats { get; } = ["pdf"];

    public async Task<byte[]> RenderAsync(ReportRequest request, string format, CancellationToken cancellationToken)
    {
        var table = await _report.RunAsync(request, cancellationToken);
        var columns = table.Columns.Where(c => c != "id").ToList();
        return ReportPdfPages.Write(table.Title, table.Rows, RowsPerPage,
            (g, rows, page, pages) => Draw(g, table.Title, columns, rows, $"Page {page} of {pages}"));
    }

    private static void Draw(XGraphics g, string title, IReadOnlyList<string> columns, JsonObject[] rows, string page)
    {
        var heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        var small = new XFont(PdfFonts.Family, 7);
        var smallBold = new XFont(PdfFonts.Family, 7, XFontStyleEx.Bold);
        g.DrawString("ACCOUNTS RECEIVABLE AGING", heading, XBrushes.Black, Margin, Margin + 8);
        g.DrawString($"{title}. {page}. Days past the due date; retainage receivable apart.", small, XBrushes.Black, Margin, Margin + 22);
        var amountWidth = Math.Min(MaxAmountWidth, (PageWidth - (2 * Margin) - (2 * TextWidth)) / Math.Max(1, columns.Count(c => !IsText(c))));
        var widths = columns.Select(c => IsText(c) ? TextWidth : amountWidth).ToArray();
        var y = Row(g, Margin + 32, columns, widths, columns.Select(Caption).ToArray(), smallBold);
        foreach (var row in rows)
        {
            var total = (string?)row["id"] == "total";
            y = Row(g, y, columns, widths, columns.Select(c => ReportPdfPages.Cell(row, c, isAmount: !IsText(c))).ToArray(), total ? smallBold : small);
        }
    }

    private static double Row(XGraphics g, double y, IReadOnlyList<string> columns, double[] widths, string[] cells, XFont font)
    {
        const double height = 14;
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var text = IsText(columns[i]);
            var width = widths[i];
            g.DrawRectangle(XPens.Black, new XRect(x, y, width, height));
            var inner = new XRect(x + 2, y + 1, width - 4, height - 2);
            g.DrawString(ReportPdfPages.Fit(g, cells[i], font, inner.Width), font, XBrushes.Black, inner, text ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
            x += width;
        }

        return y + height;
    }

    private static bool IsText(string column) => column is "customer" or "job";

    private static string Caption(string column) => column switch
    {
        "customer" => "Customer",
        "job" => "Job",
        "current" => "Current",
        "total" => "Total",
        "retainage" => "Retainage",
        _ => column[..1].ToUpperInvariant() + column[1..],
    };
}
