using System.ComponentModel;
using System.Text;

namespace BackOffice.Tools.Pricebook;

/// <summary>
/// Which column of a vendor's price file holds what (issue 8). Saved once per vendor and reused for every file
/// that vendor sends. Columns are named by their header text. <see cref="DefaultUnit"/> serves files with no unit column.
/// </summary>
public sealed record PriceFileMapping(
    string? Sku, string? Description, string? Unit, string Price, string? Effective, string? DefaultUnit = null)
{
    /// <summary>What is missing for the mapping to be usable; empty when it is complete.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Sku is null && Description is null)
        {
            problems.Add("no item number (sku) or description column");
        }

        if (Unit is null && DefaultUnit is null)
        {
            problems.Add("no unit column and no default unit");
        }

        if (string.IsNullOrWhiteSpace(Price))
        {
            problems.Add("no price column");
        }

        return problems;
    }
}

/// <summary>A suggested mapping: the header row it was read from (0-based among the file's rows) and what it could not find.</summary>
public sealed record MappingSuggestion(int HeaderIndex, PriceFileMapping? Mapping, IReadOnlyList<string> Problems);

/// <summary>Suggests a mapping from a file's header row, looking past title rows at the top (issue 8).</summary>
public static class PriceFileHeaders
{
    private const int RowsToSearch = 20;

    /// <summary>Header words per field, best first; compared after <see cref="Key"/>.</summary>
    private static readonly (string Field, string[] Names)[] Synonyms =
    [
        ("sku", ["vendor sku", "sku", "item no", "item number", "item", "part no", "part number", "catalog no", "cat no", "item code", "product code", "product no"]),
        ("description", ["description", "item description", "product description", "desc", "product name", "product", "name"]),
        ("unit", ["uom", "u m", "unit of measure", "unit", "um", "per", "pricing unit", "sell unit"]),
        ("price", ["net price", "your price", "unit price", "price", "cost", "unit cost", "net", "each price"]),
        ("effective", ["effective", "effective date", "eff date", "price date", "date"]),
    ];

    [Description("Suggest a column mapping for a vendor price file from its header row (searches the first 20 rows).")]
    public static MappingSuggestion Suggest([Description("The file's first rows, cell texts")] IReadOnlyList<IReadOnlyList<string>> rows)
    {
        MappingSuggestion? best = null;
        var bestFound = 0;
        for (var i = 0; i < Math.Min(rows.Count, RowsToSearch); i++)
        {
            var found = Detect(rows[i]);
            var mapping = new PriceFileMapping(found.GetValueOrDefault("sku"), found.GetValueOrDefault("description"),
                found.GetValueOrDefault("unit"), found.GetValueOrDefault("price") ?? "", found.GetValueOrDefault("effective"));
            if (found.ContainsKey("price") && found.Count >= 2 && found.Count > bestFound)
            {
                bestFound = found.Count;
                var problems = mapping.Problems();
                best = new MappingSuggestion(i, problems.Count == 0 ? mapping : null, problems);
            }
        }

        return best ?? new MappingSuggestion(0, null, ["no header row with a price column in the first 20 rows"]);
    }

    /// <summary>Finds the header row a saved mapping was made for: the first row holding all its columns.</summary>
    public static int? FindHeader(IReadOnlyList<IReadOnlyList<string>> rows, PriceFileMapping mapping)
    {
        var wanted = new[] { mapping.Sku, mapping.Description, mapping.Unit, mapping.Price, mapping.Effective }.OfType<string>().Select(Key).ToList();
        for (var i = 0; i < Math.Min(rows.Count, RowsToSearch); i++)
        {
            var keys = rows[i].Select(Key).ToHashSet(StringComparer.Ordinal);
            if (wanted.All(keys.Contains))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Header text compared without case, punctuation or spacing; "#" reads as "no" ("Item #" = "item no").</summary>
    public static string Key(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.ToLowerInvariant().Replace("#", " no ", StringComparison.Ordinal))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, string> Detect(IReadOnlyList<string> header)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        foreach (var (field, names) in Synonyms)
        {
            foreach (var name in names)
            {
                var index = Enumerable.Range(0, header.Count).FirstOrDefault(i => !used.Contains(i) && Key(header[i]) == name, -1);
                if (index >= 0)
                {
                    found[field] = header[index].Trim();
                    used.Add(index);
                    break;
                }
            }
        }

        return found;
    }
}
