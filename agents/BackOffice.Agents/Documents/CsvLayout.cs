using System.Text;
using System.Text.RegularExpressions;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Lays a CSV bill out as text (issue 6): two-cell rows become "label: value", wider rows become columns two spaces
/// apart, so the same label and line-shape rules read CSV, text and PDF bills alike.
/// </summary>
internal static partial class CsvLayout
{
    public static string ToText(string csv)
    {
        var text = new StringBuilder();
        foreach (var line in csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var cells = Cells(line).Select(c => c.Trim()).ToList();
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            // "label,amount" keeps the amount in its own column (a line item or total); "label,value" reads as "label: value".
            text.AppendLine(cells.Count == 2 && !BackOffice.Tools.Documents.TextValues.AmountPattern().IsMatch(cells[1]) ? $"{cells[0]}: {cells[1]}" : string.Join("  ", cells));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Cells(string line) =>
        Cell().Matches(line + ",").Select(m => m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Groups["u"].Value);

    [GeneratedRegex("""(?:"(?<q>(?:[^"]|"")*)"|(?<u>[^,]*)),""")]
    private static partial Regex Cell();
}
