using System.Globalization;
using BackOffice.Domain.Pricebook;
using CsvHelper;
using ExcelDataReader;

namespace BackOffice.Store.Pricebook;

/// <summary>A price file that cannot be read at all (not CSV or XLSX, or corrupt); names the file.</summary>
public sealed class PriceFileFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a vendor price file (CSV or XLSX, first worksheet) into text cells with row numbers (issue 8). Values stay
/// text so the parser decides what they mean: an XLSX number is written as its shortest round-trip text ("4.39"),
/// which is what the spreadsheet shows, and a date cell as yyyy-MM-dd.
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
        catch (Exception ex) when (ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException)
        {
            throw new PriceFileFormatException($"{Path.GetFileName(path)}: cannot be read as {extension[1..].ToUpperInvariant()}: {ex.Message}", ex);
        }
    }

    /// <summary>RFC 4180 CSV; a malformed record (an unclosed quote) refuses the file, naming the line, since its rows cannot be counted on.</summary>
    private static async Task<List<RawPriceRow>> ReadCsvAsync(string path, CancellationToken cancellationToken)
    {
        string? malformed = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => malformed ??= $"line {bad.LineNumber} is not well-formed CSV",
        };
        await using var reader = CsvReader.FromFile(path, options);
        var rows = new List<RawPriceRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }

            rows.Add(new RawPriceRow((int)reader.LineNumber, cells));
        }

        return malformed is null ? rows : throw new PriceFileFormatException($"{Path.GetFileName(path)}: {malformed}.");
    }

    private static List<RawPriceRow> ReadXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        // ExcelDataReader asks for code page 1252 when it opens any workbook; .NET has it only once the provider is registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<RawPriceRow>();
        var row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
            }

            rows.Add(new RawPriceRow(row, cells));
        }

        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        // XLSX stores every number as a double; the shortest round-trip text gives back what the sheet shows ("4.39"),
        // and the price parser reads that text as a decimal (refusing more than 4 places), so no float reaches a price.
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
