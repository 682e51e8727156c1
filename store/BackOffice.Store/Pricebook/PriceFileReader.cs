using BackOffice.Domain.Pricebook;
using BackOffice.Store.Sheets;

namespace BackOffice.Store.Pricebook;

/// <summary>A price file that cannot be read at all (not CSV or XLSX, or corrupt); names the file.</summary>
public sealed class PriceFileFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a vendor price file (CSV or XLSX, first worksheet) into text cells with row numbers (issue 8), through the
/// shared <see cref="SheetFile"/>; the price parser reads the text as a decimal (at most 4 places), so no float reaches a price.
/// </summary>
public static class PriceFileReader
{
    public static async Task<IReadOnlyList<RawPriceRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => await ReadCsvAsync(path, cancellationToken),
                ".xlsx" => ReadXlsx(path),
                _ => throw new PriceFileFormatException($"{Path.GetFileName(path)}: only .csv and .xlsx price files can be read."),
            };
        }
        catch (Exception ex) when (SheetFile.IsUnreadable(ex))
        {
            throw new PriceFileFormatException($"{Path.GetFileName(path)}: cannot be read as {extension[1..].ToUpperInvariant()}: {ex.Message}", ex);
        }
    }

    /// <summary>RFC 4180 CSV; a malformed record (an unclosed quote) refuses the file, naming the line, since its rows cannot be counted on.</summary>
    private static async Task<List<RawPriceRow>> ReadCsvAsync(string path, CancellationToken cancellationToken)
    {
        var sheet = await SheetFile.ReadCsvAsync(path, cancellationToken);
        return sheet.FirstMalformedLine is { } line
            ? throw new PriceFileFormatException($"{Path.GetFileName(path)}: line {line} is not well-formed CSV.")
            : sheet.Rows.Select(r => new RawPriceRow(r.Row, r.Cells)).ToList();
    }

    private static List<RawPriceRow> ReadXlsx(string path) =>
        SheetFile.ReadWorkbook(path, openXmlOnly: true).Select(r => new RawPriceRow(r.Row, r.Cells)).ToList();
}
