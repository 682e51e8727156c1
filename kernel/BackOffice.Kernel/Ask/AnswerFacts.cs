using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Reports;

namespace BackOffice.Kernel.Ask;

/// <summary>A record an answer used: the report, its row id (the console links /reports/NAME/ID) and the row's names.</summary>
public sealed record AskCitation(string Report, string RowId, string Label);

/// <summary>
/// Every value the tool results of one `ask` conversation carried (issue 15), as placeholders: the model is shown
/// "{aging_c_harbor_total} = 12500.00" and writes the placeholder, the product renders the value. A placeholder the
/// answer uses that is not here did not come from this conversation's tool results, and the guard rejects the answer.
/// Each cell's placeholder knows its row, so the answer's citations are the rows whose values it used.
/// </summary>
public sealed partial class AnswerFacts
{
    /// <summary>Rows of one report shown to the model; a longer report says how many it left out.</summary>
    public const int MaxRows = 80;

    private readonly Lock _gate = new();
    private readonly List<NarrativeSlot> _slots = [];
    private readonly Dictionary<string, IReadOnlyCollection<string>> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AskCitation> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private readonly List<string> _reports = [];

    /// <summary>The reports called in this conversation, in order.</summary>
    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Registers a report's rows as placeholders and returns what the model is shown (values redacted).</summary>
    public JsonObject Add(string report, ReportTable table, DateOnly asOf)
    {
        lock (_gate)
        {
            _reports.Add(report);
            var prefix = Key(report);
            var columns = table.Columns.Where(c => c != "id").ToList();
            var kinds = columns.ToDictionary(c => c, c => ReportCells.KindOf(c, table.Rows.Select(r => Cell(r, c))), StringComparer.Ordinal);
            var result = new JsonObject
            {
                ["report"] = report,
                ["title"] = Shown(Fact($"{prefix}_title", table.Title)),
                ["as_of"] = Shown(Figure($"{prefix}_as_of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date", [])),
                ["columns"] = new JsonObject(columns.Where(c => c.Any(char.IsDigit))
                    .Select(c => KeyValuePair.Create(c, (JsonNode?)Shown(Fact($"{prefix}_col_{Key(c)}", c))))),
            };
            var rows = new JsonArray();
            foreach (var (row, index) in table.Rows.Take(MaxRows).Select((r, i) => (r, i)))
            {
                rows.Add(Row(prefix, row, index, columns, kinds, report));
            }

            result["rows"] = rows;
            result["rows_left_out"] = Math.Max(0, table.Rows.Count - MaxRows);
            return result;
        }
    }

    /// <summary>The placeholders an answer may use: only this conversation's.</summary>
    public NarrativeSlots Slots()
    {
        lock (_gate)
        {
            return NarrativeSlots.ForAnswer(_slots, _labels, _text.ToString());
        }
    }

    /// <summary>The rows whose values <paramref name="answer"/> uses, in the order it first uses them.</summary>
    public IReadOnlyList<AskCitation> CitationsFor(string answer)
    {
        lock (_gate)
        {
            return PlaceholderSyntax.Names(answer).Select(p => p.Split(':')[0]).Where(_rows.ContainsKey).Select(p => _rows[p]).Distinct().ToList();
        }
    }

    private JsonObject Row(string prefix, JsonObject row, int index, List<string> columns, Dictionary<string, ReportCellKind> kinds, string report)
    {
        var id = Cell(row, "id") ?? index.ToString(CultureInfo.InvariantCulture);
        var texts = columns.Where(c => kinds[c] == ReportCellKind.Text).Select(c => Cell(row, c)).OfType<string>().Where(t => t.Length > 0).ToList();
        var citation = new AskCitation(report, id, texts.Count > 0 ? string.Join(" / ", texts.Take(2)) : id);
        // The row's names and each column's words say which figure a placeholder is ("Harbor Point ... total").
        var rowWords = texts.SelectMany(Words).ToList();
        var shown = new JsonObject { ["id"] = Redactor.Redact(id) };
        foreach (var column in columns)
        {
            if (Cell(row, column) is not { Length: > 0 } value)
            {
                continue;
            }

            var name = $"{prefix}_{Key(id)}_{Key(column)}";
            var slot = Unit(kinds[column]) is { } unit ? Figure(name, value, unit, [.. rowWords, .. Words(column)]) : Fact(name, value);
            _rows[slot.Placeholder] = citation;
            shown[column] = Shown(slot, value);
        }

        return shown;
    }

    private NarrativeSlot Figure(string name, string value, string unit, IReadOnlyCollection<string> labels)
    {
        var rendered = unit switch
        {
            "usd" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) => MoneyText.Usd(amount),
            "percent" => value + "%",
            _ => value,
        };
        var placeholder = Unique(name);
        var slot = new NarrativeSlot(placeholder, unit, rendered, placeholder);
        _names.Add(slot.Placeholder);
        _slots.Add(slot);
        _labels[slot.Placeholder] = labels;
        return slot;
    }

    private NarrativeSlot Fact(string name, string value)
    {
        var slot = new NarrativeSlot(Unique(name), "fact", value, null);
        _names.Add(slot.Placeholder);
        _slots.Add(slot);
        _text.Append(value).Append('\n');
        return slot;
    }

    /// <summary>How the model sees a value: its placeholder and the value (redacted: tool results leave the process too).</summary>
    private static string Shown(NarrativeSlot slot, string? value = null) => $"{{{slot.Placeholder}}} = {Redactor.Redact(value ?? slot.Rendered)}";

    private static string? Unit(ReportCellKind kind) => kind switch
    {
        ReportCellKind.Money => "usd",
        ReportCellKind.Percent => "percent",
        ReportCellKind.Number => "count",
        ReportCellKind.Date or ReportCellKind.Timestamp => "date",
        _ => null,
    };

    private string Unique(string name)
    {
        var candidate = name;
        for (var n = 2; _names.Contains(candidate); n++)
        {
            candidate = $"{name}_{n}";
        }

        return candidate;
    }

    private static string? Cell(JsonObject row, string column) => row[column] is JsonValue v ? v.ToString() : null;

    /// <summary>A placeholder-safe key: lower case letters and digits joined by "_", starting with a letter.</summary>
    public static string Key(string text)
    {
        var key = NotKey().Replace(SplitCamel().Replace(text, "$1_$2").ToLowerInvariant(), "_").Trim('_');
        return key.Length == 0 ? "x" : char.IsLetter(key[0]) ? key : "n" + key;
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(SplitCamel().Replace(text, "$1 $2")).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKey();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SplitCamel();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex WordPattern();
}
