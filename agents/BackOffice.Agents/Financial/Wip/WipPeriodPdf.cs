using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.PayApps;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Kernel.Abstractions.Reports;
using PdfSharp.Drawing;

namespace BackOffice.Agents.Financial.Wip;

/// <summary>
/// `backoffice report wip-period --format pdf --out FILE` (issue 16): the month's WIP schedule on landscape Letter
/// pages, ruled like the G703, with the fonts of the G702 packet. It prints the report's own cells, so the PDF, the
/// table and the JSON say the same thing; csv and xlsx are the report's table as every report exports it.
/// </summary>
public sealed class WipPeriodPdf(WipPeriodReport report) : IReportDocument
{
    // Page geometry in points, PDFsharp's unit (double); amounts are the report's text, never doubles.
    private const double Margin = 36;
    private const int RowsPerPage = 28;

    private static readonly (string Column, string Caption, double Width)[] Columns =
    [
        ("job", "Job", 96), ("contract", "Contract", 44), ("estimatedTotalCost", "Est. total cost", 44),
        ("estimateToComplete", "Est. to complete", 42), ("costToDate", "Cost to date", 44), ("percentComplete", "% complete", 30),
        ("earnedRevenue", "Earned revenue", 44), ("billedToDate", "Billed to date", 44), ("overUnderBilling", "Over (under) billed", 42),
        ("grossProfitToDate", "GP to date (as configured)", 44), ("grossProfitComparison", "GP to date: other way", 42), ("lossProvision", "Loss provision", 38),
        ("periodRevenue", "Period revenue", 42), ("periodCost", "Period cost", 42), ("periodGrossProfit", "Period GP (as configured)", 42),
        ("periodGrossProfitComparison", "Period GP: other way", 40),
    ];

    public string Name => "wip-period";

    public IReadOnlyList<string> Formats { get; } = ["pdf"];

    public async Task<byte[]> RenderAsync(ReportRequest request, string format, CancellationToken cancellationToken)
    {
        var table = await report.RunAsync(request, cancellationToken);
        var company = table.Rows.LastOrDefault(r => (string?)r["id"] == WipPeriods.CompanyRow);
        // Issue 16: the company's period income under the title; the table has no room for two more columns.
        var income = company is null ? "" : $"Company this period: gross profit {ReportPdfPages.Cell(company, "periodGrossProfit", isAmount: true)}"
            + $" less SG&A {ReportPdfPages.Cell(company, "sga", isAmount: true)} = net income {ReportPdfPages.Cell(company, "netIncome", isAmount: true)}.";
        return ReportPdfPages.Write(table.Title, table.Rows, RowsPerPage, (g, rows, page, pages) => Draw(g, table.Title, income, rows, page, pages));
    }

    private static void Draw(XGraphics g, string title, string income, JsonObject[] rows, int page, int pages)
    {
        var heading = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        var small = new XFont(PdfFonts.Family, 6);
        var smallBold = new XFont(PdfFonts.Family, 6, XFontStyleEx.Bold);
        g.DrawString("WORK IN PROGRESS SCHEDULE (COST-TO-COST)", heading, XBrushes.Black, Margin, Margin + 8);
        // Issue 16: the rounding statement of the title is the line below, in the PDF's own words.
        g.DrawString(RoundingStatements.WithoutStatement(title), small, XBrushes.Black, Margin, Margin + 22);
        g.DrawString($"Page {page} of {pages}. Earned revenue = contract x cost to date / est. total cost, rounded once to the cent half away from zero; "
                     + "full loss = the whole anticipated loss at once (GAAP); % share = earned revenue less cost to date.", small, XBrushes.Black, Margin, Margin + 32);
        g.DrawString(income, small, XBrushes.Black, Margin, Margin + 42);
        var y = Row(g, Margin + 48, 26, Columns.Select(c => c.Caption).ToArray(), smallBold, heading: true);
        foreach (var row in rows)
        {
            var bold = (string?)row["id"] == WipPeriods.CompanyRow;
            y = Row(g, y, 14, Columns.Select(c => ReportPdfPages.Cell(row, c.Column, isAmount: c.Column != "percentComplete")).ToArray(), bold ? smallBold : small, heading: false);
        }
    }

    private static double Row(XGraphics g, double y, double height, string[] cells, XFont font, bool heading)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = Columns[i].Width;
            g.DrawRectangle(XPens.Black, new XRect(x, y, width, height));
            var inner = new XRect(x + 2, y + 2, width - 4, height - 4);
            if (heading)
            {
                PayAppG702Page.Wrapped(g, cells[i], font, inner);
            }
            else
            {
                g.DrawString(ReportPdfPages.Fit(g, cells[i], font, inner.Width), font, XBrushes.Black, inner, i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
            }

            x += width;
        }

        return y + height;
    }
}
