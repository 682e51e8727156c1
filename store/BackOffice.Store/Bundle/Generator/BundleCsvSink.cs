using System.Globalization;
using System.Text;

namespace BackOffice.Store.Bundle.Generator;

/// <summary>
/// Streams generated rows into the bundle's CSV files, one writer per file, headers and value formats taken from
/// <see cref="BundleSchema"/> so the output is exactly what the importer reads (docs/DATA-FORMAT.md). Streaming keeps
/// a 1,000-job bundle (two million ledger lines) out of memory (issue 3 benchmark).
/// </summary>
public sealed class BundleCsvSink(string directory) : IDisposable
{
    private readonly Dictionary<string, (FileSpec Spec, StreamWriter Writer)> _open = new(StringComparer.Ordinal);

    /// <summary>Appends one row; values are keyed by SQL column name (amount_cents as cents, retainage_bp as basis points).</summary>
    public void Add(string file, params (string Column, object? Value)[] values)
    {
        var (spec, writer) = Open(file);
        var cells = new string?[spec.Columns.Count];
        foreach (var (column, value) in values)
        {
            var index = spec.IndexOf(column);
            if (index < 0)
            {
                throw new ArgumentException($"{file} has no column {column}", nameof(values));
            }

            cells[index] = Format(spec.Columns[index].Kind, value);
        }

        writer.Write(string.Join(',', cells.Select(c => Quote(c ?? ""))));
        writer.Write('\n');
    }

    /// <summary>Names of the files written so far, relative to the bundle folder.</summary>
    public IReadOnlyCollection<string> Files => _open.Keys;

    public void Dispose()
    {
        foreach (var (_, writer) in _open.Values)
        {
            writer.Dispose();
        }

        _open.Clear();
    }

    private (FileSpec, StreamWriter) Open(string file)
    {
        if (_open.TryGetValue(file, out var open))
        {
            return open;
        }

        var spec = BundleSchema.File(file);
        var path = Path.Combine(directory, file.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.Write(string.Join(',', spec.Columns.Select(c => c.CsvName)));
        writer.Write('\n');
        _open[file] = (spec, writer);
        return (spec, writer);
    }

    private static string? Format(ValueKind kind, object? value) => value switch
    {
        null => null,
        long cents when kind == ValueKind.Money => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        long bp when kind == ValueKind.Percent => (bp / 100m).ToString("0.##", CultureInfo.InvariantCulture),
        long e4 when kind == ValueKind.E4 => (e4 / 10000m).ToString("0.####", CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new ArgumentException($"unsupported generated value {value.GetType().Name} for a {kind} column", nameof(value)),
    };

    /// <summary>RFC 4180: quote a value holding a comma, a quote or a line break, doubling inner quotes.</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
