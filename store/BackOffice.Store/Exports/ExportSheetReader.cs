using BackOffice.Store.Bundle;
using BackOffice.Store.Sheets;

namespace BackOffice.Store.Exports;

/// <summary>One physical row of an export file: its 1-based row number (CSV line or sheet row) and its cells as text.</summary>
public sealed record ExportSheetRow(int Row, IReadOnlyList<string> Cells);

/// <summary>An export file that cannot be read at all (not CSV, XLSX or XLS, or corrupt); names the file.</summary>
public sealed class ExportFileFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads an export file exactly as downloaded (issue 14): CSV, XLSX, or legacy XLS (BIFF8, which Buildertrend's "Excel"
/// export produces), first sheet, every row including title and total rows; the layout code decides what they are.
/// Values stay text: an Excel number is its shortest round-trip text, a date cell yyyy-MM-dd.
/// </summary>
public static class ExportSheetReader
{
    public static Task<IReadOnlyList<ExportSheetRow>> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, BundleEncoding.Utf8, cancellationToken);

    /// <summary>
    /// Issue 19: a CSV export is decoded strictly in <paramref name="encoding"/> (UTF-8 unless `import --encoding` names
    /// windows-1252 or latin1), as bundles are: a byte the encoding does not define refuses the file, naming its line and
    /// byte offset, never a U+FFFD stored in silence. Workbooks carry their own encoding and ignore it.
    /// </summary>
    public static async Task<IReadOnlyList<ExportSheetRow>> ReadAsync(string path, BundleEncoding encoding, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => await ReadCsvAsync(path, encoding, cancellationToken),
                ".xlsx" or ".xls" => ReadWorkbook(path),
                _ => throw new ExportFileFormatException($"{Path.GetFileName(path)}: only .csv, .xlsx and .xls export files can be read."),
            };
        }
        catch (Exception ex) when (SheetFile.IsUnreadable(ex))
        {
            throw new ExportFileFormatException($"{Path.GetFileName(path)}: cannot be read as {extension[1..].ToUpperInvariant()}: {ex.Message}", ex);
        }
    }

    /// <summary>RFC 4180 CSV with rows of any width (title rows are one cell wide); an unclosed quote refuses the file.</summary>
    private static async Task<List<ExportSheetRow>> ReadCsvAsync(string path, BundleEncoding encoding, CancellationToken cancellationToken)
    {
        var errors = new ErrorSink();
        if (!await BundleFileGuard.IsDecodableAsync(path, Path.GetFileName(path), encoding, errors, cancellationToken))
        {
            throw new ExportFileFormatException(errors.Errors[0].ToString());
        }

        var sheet = await SheetFile.ReadCsvAsync(path, encoding.Encoding, cancellationToken);
        if (sheet.FirstUnclosedQuoteLine is { } line)
        {
            throw new ExportFileFormatException($"{Path.GetFileName(path)}: line {line} is not well-formed CSV (a quoted field is never closed).");
        }

        // QuickBooks writes a UTF-8 byte order mark before the first title cell (notes/procore.md section 7).
        return sheet.Rows.Select(r => new ExportSheetRow(r.Row, r.Cells.Select(c => c.Replace("\uFEFF", "", StringComparison.Ordinal)).ToArray())).ToList();
    }

    private static List<ExportSheetRow> ReadWorkbook(string path) =>
        SheetFile.ReadWorkbook(path, openXmlOnly: false).Select(r => new ExportSheetRow(r.Row, r.Cells)).ToList();
}
