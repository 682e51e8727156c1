using BackOffice.Store.Documents;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Collections;

/// <summary>Issue 17: the aging as PDF, read back as text: the report's own cells, the total row included.</summary>
public sealed class AgingPdfTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReportAging_FormatPdf_PrintsBucketsAndTheTotalRow()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("demo");
        var file = Path.Combine(_temp.Root, "aging.pdf");

        await cli.OkAsync("report", "aging", "--tenant", "demo", "--as-of", "2026-11-15", "--format", "pdf", "--out", file);

        var text = (await new PdfText().ReadAsync(file, CancellationToken.None)).Text ?? "";
        Assert.Contains("ACCOUNTS RECEIVABLE AGING", text, StringComparison.Ordinal);
        // The demo's aging total row as of 2026-11-15 (report aging --json): current 155995.00, total 182620.00.
        Assert.Contains("155,995.00", text, StringComparison.Ordinal);
        Assert.Contains("182,620.00", text, StringComparison.Ordinal);
        Assert.Contains("Okafor, Daniel", text, StringComparison.Ordinal);
        // The retainage column and its total (32,595.00) are printed too.
        Assert.Contains("Retainage", text, StringComparison.Ordinal);
        Assert.Contains("32,595.00", text, StringComparison.Ordinal);
    }
}
