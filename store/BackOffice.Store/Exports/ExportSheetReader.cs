using System.Globalization;
using CsvHelper;
using ExcelDataReader;

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
    public static async Task<IReadOnlyList<ExportSheetRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => await ReadCsvAsync(path, cancellationToken),
                ".xlsx" or ".xls" => ReadWorkbook(path),
                _ => throw new ExportFileFormatException($"{Path.GetFileName(path)}: only .csv, .xlsx and .xls export files can be read."),
            };
        }
        catch (Exception ex) when (ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException)
        {
            throw new ExportFileFormatException($"{Path.GetFileName(path)}: cannot be read as {extension[1..].ToUpperInvariant()}: {ex.Message}", ex);
        }
    }

    /// <summary>RFC 4180 CSV with rows of any width (title rows are one cell wide); an unclosed quote refuses the file.</summary>
    private static async Task<List<ExportSheetRow>> ReadCsvAsync(string path, CancellationToken cancellationToken)
    {
        string? malformed = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad =>
            {
                if (bad.Reason != CsvMalformedReason.FieldCountMismatch)
                {
                    malformed ??= $"line {bad.LineNumber} is not well-formed CSV (a quoted field is never closed)";
                }
            },
        };
        await using var reader = CsvReader.FromFile(path, options);
        var rows = new List<ExportSheetRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                // QuickBooks writes a UTF-8 byte order mark before the first title cell (notes/procore.md section 7).
                cells[i] = (reader.GetString(i) ?? "").Replace("\uFEFF", "", StringComparison.Ordinal);
            }

            rows.Add(new ExportSheetRow((int)reader.LineNumber, cells));
        }

        return malformed is null ? rows : throw new ExportFileFormatException($"{Path.GetFileName(path)}: {malformed}.");
    }

    private static List<ExportSheetRow> ReadWorkbook(string path)
    {
        using var stream = File.OpenRead(path);
        // ExcelDataReader asks for code page 1252 when it opens any workbook; .NET has it only once the provider is registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<ExportSheetRow>();
        var row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
            }

            rows.Add(new ExportSheetRow(row, cells));
        }

        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        // Every spreadsheet number is a double; the round-trip text is what the sheet shows and is parsed as a decimal.
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
