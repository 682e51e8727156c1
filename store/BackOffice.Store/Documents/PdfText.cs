using System.Diagnostics;

namespace BackOffice.Store.Documents;

/// <summary>What reading a PDF gave: its text, or why there is none (so a person looks instead of anyone guessing).</summary>
public sealed record PdfTextResult(string? Text, string? Problem);

/// <summary>
/// PDF text through Debian's <c>pdftotext</c> (poppler-utils) as a process: the registry has no PDF text library
/// (no PdfPig), issue 6. Missing tool, failure, or a PDF with no text layer (a scan) all return a problem, not text.
/// </summary>
public sealed class PdfText(string executable = "pdftotext")
{
    /// <summary>Fewer letters than this and the PDF is treated as having no text layer (a scanned page yields none).</summary>
    public const int MinimumLetters = 20;

    /// <summary>For a PDF carried inside an email: written to a temp file for pdftotext, then removed.</summary>
    public async Task<PdfTextResult> ReadBytesAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "backoffice-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        try
        {
            return await ReadAsync(path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public async Task<PdfTextResult> ReadAsync(string pdfPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -layout keeps columns apart, so "Subtotal   973.90" stays on one line as the extractor expects.
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", pdfPath, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PdfTextResult(null, $"pdftotext is not installed ({e.Message}); install poppler-utils to read PDFs");
        }

        if (process is null)
        {
            return new PdfTextResult(null, "pdftotext could not be started");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = await output;
            if (process.ExitCode != 0)
            {
                return new PdfTextResult(null, $"pdftotext failed (exit {process.ExitCode}): {(await error).Trim()}");
            }

            return text.Count(char.IsLetter) < MinimumLetters
                ? new PdfTextResult(null, "the PDF has no text layer (scanned image?); a person must read it")
                : new PdfTextResult(text, null);
        }
    }
}
