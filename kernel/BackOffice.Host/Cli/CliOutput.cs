using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Host.Cli;

/// <summary>Writes results as aligned text tables for people or as JSON for scripts.</summary>
public sealed class CliOutput(TextWriter writer, bool json)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool IsJson => json;

    public void WriteJson(object? value) => writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public void WriteJson(JsonNode? node) => writer.WriteLine(node?.ToJsonString(JsonOptions) ?? "null");

    public void Line(string text = "")
    {
        if (!json)
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>Prints rows as a table (or, with --json, the rows as a JSON array).</summary>
    public void Table(IReadOnlyList<JsonObject> rows, IReadOnlyList<string> columns, string? title = null)
    {
        if (json)
        {
            WriteJson(new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()));
            return;
        }

        if (title is not null)
        {
            writer.WriteLine(title);
        }

        if (rows.Count == 0)
        {
            writer.WriteLine("  (none)");
            return;
        }

        var cells = rows.Select(r => columns.Select(c => Cell(r[c])).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Min(80, Math.Max(c.Length, cells.Max(row => row[i].Length)))).ToArray();
        writer.WriteLine("  " + string.Join("  ", columns.Select((c, i) => c.ToUpperInvariant().PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            writer.WriteLine("  " + string.Join("  ", row.Select((v, i) => Fit(v, widths[i]))).TrimEnd());
        }
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static string Fit(string value, int width) =>
        value.Length <= width ? value.PadRight(width) : value[..(width - 1)] + "…";
}
