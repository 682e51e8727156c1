using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace BackOffice.Store.Documents;

/// <summary>What reading a PDF gave: its text, or why there is none (so a person looks instead of anyone guessing).</summary>
public sealed record PdfTextResult(string? Text, string? Problem);

/// <summary>
/// PDF text through PdfPig (issue 15; it replaces Debian's pdftotext, issue 6). Words are laid out as lines by their
/// position, with a wide gap kept as several spaces, so "Subtotal   973.90" stays on one line as the extractor expects
/// (what pdftotext -layout gave). A PDF that cannot be parsed, or has no text layer (a scan), returns a problem, not text.
/// </summary>
public sealed class PdfText
{
    /// <summary>Fewer letters than this and the PDF is treated as having no text layer (a scanned page yields none).</summary>
    public const int MinimumLetters = 20;

    public async Task<PdfTextResult> ReadAsync(string pdfPath, CancellationToken cancellationToken) =>
        await ReadBytesAsync(await File.ReadAllBytesAsync(pdfPath, cancellationToken), cancellationToken);

    /// <summary>For a PDF on disk or carried inside an email.</summary>
    public Task<PdfTextResult> ReadBytesAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string text;
        try
        {
            using var document = PdfDocument.Open(pdf);
            text = string.Join("\n", document.GetPages().Select(Layout));
        }
        catch (PdfDocumentFormatException e)
        {
            return Task.FromResult(new PdfTextResult(null, $"the PDF cannot be read ({e.Message}); a person must read it"));
        }

        return Task.FromResult(text.Count(char.IsLetter) < MinimumLetters
            ? new PdfTextResult(null, "the PDF has no text layer (scanned image?); a person must read it")
            : new PdfTextResult(text, null));
    }

    /// <summary>One page's words as lines, top to bottom, left to right.</summary>
    private static string Layout(Page page)
    {
        var lines = new List<List<Word>>();
        foreach (var word in page.GetWords().OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= Math.Max(1, line[0].BoundingBox.Height / 2))
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Word? previous = null;
            foreach (var word in line.OrderBy(w => w.BoundingBox.Left))
            {
                if (previous is not null)
                {
                    // A gap wider than two characters separates columns: keep it visible, as a layout would.
                    var charWidth = previous.BoundingBox.Width / Math.Max(1, previous.Text.Length);
                    text.Append(word.BoundingBox.Left - previous.BoundingBox.Right > 2 * charWidth ? "   " : " ");
                }

                text.Append(word.Text);
                previous = word;
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
