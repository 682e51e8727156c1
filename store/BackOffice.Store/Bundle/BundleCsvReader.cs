using CsvHelper;

namespace BackOffice.Store.Bundle;

/// <summary>Reads one bundle CSV file into typed values, reporting each bad header, field and duplicate id by line.</summary>
public static class BundleCsvReader
{
    /// <summary>
    /// Issue 18: streams the rows of one file in file order (a row with a bad field marked <see cref="ParsedRow.Invalid"/>), reporting each bad header and field by line
    /// (duplicate ids are the caller's to find: it holds the keys). Only rows whose ordinal (0-based, among the file's
    /// records) <paramref name="wanted"/> accepts are parsed; the others are skipped without building their values.
    /// <paramref name="warnings"/> null: the header's extra columns were reported on an earlier pass. A record
    /// <paramref name="unchanged"/> takes off as unchanged is not parsed nor returned (issue 18: a re-import).
    /// </summary>
    internal static async IAsyncEnumerable<ParsedRow> StreamAsync(
        string path, FileSpec spec, BundleEncoding encoding, ErrorSink errors, List<string>? warnings, Func<int, bool>? wanted,
        UnchangedRowFilter? unchanged, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with
        {
            Encoding = encoding.Encoding,
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => errors.Add(spec.Path, (int)bad.LineNumber, null, Malformed(bad)),
        };
        await using var reader = CsvReader.FromFile(path, options);
        await reader.ReadHeaderAsync(cancellationToken);
        var header = reader.Headers.ToArray();
        if (header.Length == 0)
        {
            errors.Add(spec.Path, 1, null, "the file is empty; expected a header row");
            yield break;
        }

        var map = MapHeader(spec, header, errors, warnings);
        if (map is null)
        {
            yield break;
        }

        var pool = new ValuePool(spec.Columns.Count);
        // Issue 18: one array for every row's fields (ParseRow keeps the values, not the array).
        var fields = new string[map.Width];
        for (var ordinal = 0; !errors.Full && await reader.ReadAsync(cancellationToken); ordinal++)
        {
            if (wanted is not null && !wanted(ordinal))
            {
                continue;
            }

            var line = (int)reader.LineNumber;
            if (reader.FieldCount != map.Width)
            {
                errors.Add(spec.Path, line, null, $"expected {map.Width} fields like the header, got {reader.FieldCount}");
                continue;
            }

            if (unchanged is not null && unchanged.TrySkip(reader, map.Indexes, line))
            {
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i) ?? "";
            }

            yield return ParseRow(spec, pool, line, fields, map.Indexes, errors);
        }
    }

    private sealed record HeaderMap(int Width, int[] Indexes);

    /// <summary>CSV field index for each spec column (-1 when an optional column is absent), or null if a required one is missing.</summary>
    private static HeaderMap? MapHeader(FileSpec spec, string[] header, ErrorSink errors, List<string>? warnings)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        var indexes = spec.Columns
            .Select(c => Array.FindIndex(names, n => string.Equals(n, c.CsvName, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        var complete = true;
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            if (indexes[i] < 0 && spec.Columns[i].Required)
            {
                errors.Add(spec.Path, 1, spec.Columns[i].CsvName, $"required column '{spec.Columns[i].CsvName}' is missing from the header");
                complete = false;
            }
        }

        foreach (var extra in names.Where(n => !spec.Columns.Any(c => string.Equals(c.CsvName, n, StringComparison.OrdinalIgnoreCase))))
        {
            warnings?.Add($"{spec.Path}: column '{extra}' is not part of the format and was ignored");
        }

        return complete ? new HeaderMap(header.Length, indexes) : null;
    }

    /// <summary>
    /// Adds one row given as text by CSV column name (issue 14: rows converted from export files), with the same value
    /// parsing, required-value and duplicate-id checks as a bundle file; absent names are empty values.
    /// </summary>
    public static void AddValues(ParsedTable table, int line, IReadOnlyDictionary<string, string> valuesByCsvName, ErrorSink errors)
    {
        var columns = table.Spec.Columns;
        var fields = columns.Select(c => valuesByCsvName.GetValueOrDefault(c.CsvName) ?? "").ToArray();
        AddRow(table, line, fields, Enumerable.Range(0, columns.Count).ToArray(), errors);
    }

    private static void AddRow(ParsedTable table, int line, string[] fields, int[] indexes, ErrorSink errors)
    {
        var spec = table.Spec;
        var row = ParseRow(spec, table.Pool, line, fields, indexes, errors);
        if (table.Value(row, spec.Key) is string key && !table.ByKey.TryAdd(key, row))
        {
            errors.Add(spec.Path, line, spec.Column(spec.Key)!.CsvName, Duplicate(spec, key, table.ByKey[key].Line));
            return;
        }

        if (!row.Invalid)
        {
            table.Rows.Add(row);
        }
    }

    /// <summary>The error for a key a file already used on <paramref name="firstLine"/>.</summary>
    internal static string Duplicate(FileSpec spec, string key, int firstLine) =>
        $"duplicate {spec.Column(spec.Key)!.CsvName} '{key}': it is already used on line {firstLine}";

    /// <summary>One row's typed values; <see cref="ParsedRow.Invalid"/> (its errors reported) when a field is missing or does not parse.</summary>
    private static ParsedRow ParseRow(FileSpec spec, ValuePool pool, int line, string[] fields, int[] indexes, ErrorSink errors)
    {
        var values = new object?[spec.Columns.Count];
        var ok = true;
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var column = spec.Columns[i];
            var text = indexes[i] < 0 ? "" : fields[indexes[i]].Trim();
            if (text.Length == 0)
            {
                values[i] = column.Default;
                if (column.Required)
                {
                    errors.Add(spec.Path, line, column.CsvName, $"a value is required ({Describe(column)})");
                    ok = false;
                }

                continue;
            }

            var parsed = column.Kind == ValueKind.Text && TextProblem(text) is { } problem ? ParsedValue.Fail(problem) : ValueParsers.Parse(column, text);
            if (parsed.Error is null && column.Sign == SignRule.NonNegative && parsed.Value is long number and < 0)
            {
                // Issue 19: a negative contract value, pay rate, retainage or unapplied amount is refused, not stored.
                parsed = ParsedValue.Fail($"'{text}' is negative; {column.CsvName} must not be negative");
            }

            if (parsed.Error is not null)
            {
                errors.Add(spec.Path, line, column.CsvName, parsed.Error);
                ok = false;
            }

            // The key is unique, so sharing it would only grow the pool.
            values[i] = spec.Columns[i].SqlName == spec.Key ? parsed.Value : pool.Share(i, parsed.Value);
        }

        return new ParsedRow(line, values) { Invalid = !ok };
    }

    /// <summary>At most this many characters in one text field (issue 19: a huge field is refused, not stored).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>
    /// Issue 19: text a spreadsheet would run as a formula when the books are exported again ("=HYPERLINK(...)",
    /// "@SUM(...)", "+cmd|..."), and text longer than <see cref="MaxTextLength"/>, are refused naming line and column.
    /// A leading + or - before a digit or space stays allowed (phone numbers, "-5 days").
    /// </summary>
    private static string? TextProblem(string text)
    {
        if (text.Length > MaxTextLength)
        {
            return $"the text is {text.Length} characters long; at most {MaxTextLength} are accepted";
        }

        var formula = text[0] is '=' or '@' || (text[0] is '+' or '-' && text.Length > 1 && !char.IsDigit(text[1]) && text[1] != ' ' && text[1] != '.');
        return formula ? $"the text starts with '{text[0]}', which a spreadsheet would run as a formula; remove it or quote it differently" : null;
    }

    private static string Describe(ColumnSpec column) => column.Kind switch
    {
        ValueKind.Enum => "one of " + string.Join(", ", column.Allowed),
        ValueKind.Money => "an amount like 1234.56",
        ValueKind.Percent => "a percentage like 10",
        ValueKind.Date => "a date as yyyy-MM-dd",
        ValueKind.DateTime => "a date and time as yyyy-MM-ddTHH:mm",
        ValueKind.Bool => "true or false",
        ValueKind.E4 or ValueKind.Integer => "a number",
        _ => "text",
    };

    private static string Malformed(CsvMalformedRecord bad) => bad.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "this row has a different number of fields than the header",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; double any quote inside a quoted field",
        _ => $"malformed CSV quoting ({bad.Reason}): quote fields that contain commas or quotes, and double inner quotes",
    };
}
