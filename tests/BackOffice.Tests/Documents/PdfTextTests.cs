using BackOffice.Store.Documents;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Documents;

/// <summary>Issue 15: PDF text through PdfPig, on the corpus PDFs (samples/documents/inbox), and what is not a PDF.</summary>
public sealed class PdfTextTests
{
    private static string Inbox => Path.Combine(RepoPaths.Root, "samples", "documents", "inbox");

    [Fact]
    public async Task ReadAsync_TextPdf_GivesItsLinesWithTheInvoiceNumber()
    {
        var result = await new PdfText().ReadAsync(Path.Combine(Inbox, "pacific-tile-PTS-5520.pdf"), CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Contains("PTS-5520", result.Text, StringComparison.Ordinal);
        Assert.Contains('\n', result.Text!);
    }

    [Fact]
    public async Task ReadAsync_ScannedPdf_SaysAPersonMustReadIt()
    {
        var result = await new PdfText().ReadAsync(Path.Combine(Inbox, "scan-unknown-vendor.pdf"), CancellationToken.None);

        Assert.Null(result.Text);
        Assert.Contains("no text layer", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBytesAsync_NotAPdf_IsAProblemNotAnException()
    {
        var result = await new PdfText().ReadBytesAsync("this is not a PDF"u8.ToArray(), CancellationToken.None);

        Assert.Null(result.Text);
        Assert.NotNull(result.Problem);
    }
}
