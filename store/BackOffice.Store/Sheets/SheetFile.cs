using System.Globalization;
using CsvHelper;
using ExcelDataReader;

namespace BackOffice.Store.Sheets;

/// <summary>One physical row of a CSV or spreadsheet file: its 1-based row number (CSV line or sheet row) and its cells.</summary>
internal sealed record SheetRow(int Row, string[] Cells);

/// <summary>What a CSV read found: its rows, and the first malformed record of each kind (null when there was none).</summary>
/// <param name="FirstMalformedLine">Any malformed record, a row of another width included.</param>
/// <param name="FirstUnclosedQuoteLine">A record broken by its quoting, not by its width.</param>
internal sealed record CsvSheet(IReadOnlyList<SheetRow> Rows, long? FirstMalformedLine, long? FirstUnclosedQuoteLine);

/// <summary>
/// Reads CSV and spreadsheet files into text cells, the one reader behind vendor price files (issue 8) and export files
/// as downloaded (issue 14). Values stay text so each caller's parser decides what they mean: a spreadsheet number is
/// its shortest round-trip text ("4.39", what the sheet shows) and a date cell yyyy-MM-dd, so no double reaches money.
/// Each caller keeps its own file types, error wording and clean-up.
/// </summary>
internal static class SheetFile
{
    /// <summary>RFC 4180 CSV, rows of any width, blank lines kept so row numbers match what a person sees.</summary>
    public static Task<CsvSheet> ReadCsvAsync(string path, CancellationToken cancellationToken) =>
        ReadCsvAsync(path, System.Text.Encoding.UTF8, cancellationToken);

    /// <summary>As above, decoding with <paramref name="encoding"/> (issue 19: export files in a legacy encoding).</summary>
    public static async Task<CsvSheet> ReadCsvAsync(string path, System.Text.Encoding encoding, CancellationToken cancellationToken)
    {
        long? malformed = null, unclosed = null;
        var options = CsvReaderOptions.Default with
        {
            Encoding = encoding,
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad =>
            {
                malformed ??= bad.LineNumber;
                if (bad.Reason != CsvMalformedReason.FieldCountMismatch)
                {
                    unclosed ??= bad.LineNumber;
                }
            },
        };
        await using var reader = CsvReader.FromFile(path, options);
        var rows = new List<SheetRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }

            rows.Add(new SheetRow((int)reader.LineNumber, cells));
        }

        return new CsvSheet(rows, malformed, unclosed);
    }

    /// <summary>The first worksheet; <paramref name="openXmlOnly"/> refuses legacy .xls (BIFF) workbooks.</summary>
    public static IReadOnlyList<SheetRow> ReadWorkbook(string path, bool openXmlOnly)
    {
        using var stream = File.OpenRead(path);
        // ExcelDataReader asks for code page 1252 when it opens any workbook; .NET has it only once the provider is registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = openXmlOnly ? ExcelReaderFactory.CreateOpenXmlReader(stream) : ExcelReaderFactory.CreateReader(stream);
        var rows = new List<SheetRow>();
        var row = 0;
        while (reader.Read())
        {
            row++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
            }

            rows.Add(new SheetRow(row, cells));
        }

        return rows;
    }

    /// <summary>Whether an exception means the file is not a readable workbook or CSV (the caller names the file).</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException;

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
