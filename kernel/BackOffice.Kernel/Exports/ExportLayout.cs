using BackOffice.Store.Exports;

namespace BackOffice.Kernel.Exports;

/// <summary>One field an export layout reads, with the header texts the vendor uses for it (matched ignoring case and spaces).</summary>
public sealed record ExportField(string Name, IReadOnlyList<string> Headers, bool Required = false);

/// <summary>
/// One kind of export file of one system (issue 14): the fields it carries, the field whose blank cell marks a group,
/// subtotal, total or footer row (<see cref="KeyField"/>), the report titles that name it, how it becomes canonical rows,
/// and where its layout comes from (<see cref="Basis"/>, shown in the README and by <c>--mapping show</c>).
/// </summary>
public sealed record ExportLayout(
    string Source, string Kind, IReadOnlyList<ExportField> Fields, string KeyField, IReadOnlyList<string> Titles, string Basis,
    Action<ExportRow, ExportBatch> Convert)
{
    public ExportField Field(string name) => Fields.First(f => f.Name == name);
}

/// <summary>A field -> header text mapping for one kind of export; what a person confirms once and the import reuses.</summary>
public sealed record ExportMapping(string Kind, IReadOnlyDictionary<string, string> Headers);

/// <summary>The header row found in a file, the layout it belongs to, and the column of each mapped field.</summary>
public sealed record DetectedHeader(ExportLayout Layout, ExportMapping Mapping, int HeaderIndex, IReadOnlyDictionary<string, int> Columns, bool Saved);

/// <summary>
/// Finds the header row by content, never by position (QuickBooks and Buildertrend put title rows above it, and a
/// customised report adds or drops columns): the first of the top rows that holds every required field of a layout.
/// A saved mapping for a kind is tried before the built-in header names; a report title naming a layout wins a tie.
/// </summary>
public static class ExportHeaderDetector
{
    private const int RowsSearched = 25;

    public static DetectedHeader? Detect(
        IReadOnlyList<ExportSheetRow> rows, IReadOnlyList<ExportLayout> layouts, IReadOnlyDictionary<string, ExportMapping> saved)
    {
        DetectedHeader? best = null;
        var bestScore = 0;
        for (var index = 0; index < Math.Min(rows.Count, RowsSearched); index++)
        {
            var cells = rows[index].Cells.Select(Normalize).ToList();
            var titles = string.Join(' ', rows.Take(index).SelectMany(r => r.Cells)).ToLowerInvariant();
            foreach (var layout in layouts)
            {
                var savedMapping = saved.GetValueOrDefault(layout.Kind);
                var columns = Match(layout, cells, savedMapping);
                if (columns is null)
                {
                    continue;
                }

                var titled = layout.Titles.Any(t => titles.Contains(t.ToLowerInvariant(), StringComparison.Ordinal));
                var score = columns.Count + (titled ? 100 : 0) + (savedMapping is null ? 0 : 1000);
                if (score > bestScore)
                {
                    bestScore = score;
                    var headers = columns.ToDictionary(c => c.Key, c => rows[index].Cells[c.Value].Trim());
                    best = new DetectedHeader(layout, new ExportMapping(layout.Kind, headers), index, columns, savedMapping is not null);
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return best;
    }

    /// <summary>The column of each field found in the row, or null when a required field is missing.</summary>
    private static Dictionary<string, int>? Match(ExportLayout layout, List<string> cells, ExportMapping? saved)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in layout.Fields)
        {
            IReadOnlyList<string> names = saved is null ? field.Headers
                : saved.Headers.TryGetValue(field.Name, out var header) ? [header] : [];
            var column = cells.FindIndex(c => c.Length > 0 && names.Any(n => Normalize(n) == c));
            if (column >= 0)
            {
                columns[field.Name] = column;
            }
            else if (field.Required)
            {
                return null;
            }
        }

        return columns;
    }

    public static string Normalize(string header) => string.Join(' ', header.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
