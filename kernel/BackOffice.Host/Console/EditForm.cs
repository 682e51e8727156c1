using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Typed edit forms (issue 17): a message body or note in a multi-line box (line breaks kept), a date as a date, an
/// amount as an amount, a bill's lines as a table with the account and job chosen by name. The form posts the same
/// changes the API's edit takes; the gate validates them and its message is shown when it refuses.
/// </summary>
public static class EditForm
{
    private static readonly HashSet<string> MultiLine = new(StringComparer.Ordinal) { "body", "message", "text", "note", "memo" };

    public static string Render(string action, string token, IReadOnlyList<string> editable, JsonObject payload, NameBook names, IReadOnlyList<(string Id, string Name)> accounts, IReadOnlyList<(string Id, string Name)> customers)
    {
        var html = new StringBuilder($"<form method=\"post\" action=\"{action}/edit\" class=\"edit card\">{token}");
        foreach (var field in editable)
        {
            var node = payload[field];
            var title = AccountingText.Title(field);
            html.Append(node switch
            {
                JsonArray lines when lines.All(l => l is JsonObject) => LinesTable(field, lines, accounts, customers),
                JsonValue v when v.TryGetValue<string>(out var s) => TextInput(field, title, s),
                null => TextInput(field, title, ""),
                _ => $"<label>{E(title)} (JSON)<textarea name=\"json:{E(field)}\" rows=\"3\">{E(node.ToJsonString())}</textarea></label>",
            });
        }

        return html.Append("<button class=\"primary\">Save edit</button></form>").ToString();
    }

    private static string TextInput(string field, string title, string value) => field switch
    {
        _ when MultiLine.Contains(field) || value.Contains('\n', StringComparison.Ordinal) =>
            $"<label>{E(title)}<textarea name=\"field:{E(field)}\" rows=\"{Math.Clamp(value.Count(c => c == '\n') + 2, 3, 16)}\">{E(value)}</textarea></label>",
        _ when field.EndsWith("date", StringComparison.Ordinal) || field.EndsWith("_on", StringComparison.Ordinal) =>
            $"<label>{E(title)}<input type=\"date\" name=\"field:{E(field)}\" value=\"{E(value)}\"></label>",
        _ when field.Contains("amount", StringComparison.Ordinal) =>
            $"<label>{E(title)} ($)<input name=\"field:{E(field)}\" inputmode=\"decimal\" value=\"{E(value)}\"></label>",
        _ => $"<label>{E(title)}<input name=\"field:{E(field)}\" value=\"{E(value)}\"></label>",
    };

    private static string LinesTable(string field, JsonArray lines, IReadOnlyList<(string Id, string Name)> accounts, IReadOnlyList<(string Id, string Name)> customers)
    {
        var keys = lines.OfType<JsonObject>().SelectMany(l => l.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder($"<fieldset><legend>{E(AccountingText.Title(field))}</legend><div class=\"scroll\"><table class=\"cards\"><thead><tr><th scope=\"col\">#</th>");
        html.Append(string.Concat(keys.Select(k => $"<th scope=\"col\">{E(AccountingText.Title(k.EndsWith("_id", StringComparison.Ordinal) ? k[..^3] : k))}</th>"))).Append("</tr></thead><tbody>");
        for (var i = 0; i < lines.Count; i++)
        {
            html.Append($"<tr><td class=\"lead\">Line {i + 1}</td>");
            foreach (var key in keys)
            {
                var value = lines[i]![key]?.ToString() ?? "";
                var name = $"line:{E(field)}:{i}:{E(key)}";
                var label = $"aria-label=\"Line {i + 1} {E(AccountingText.Title(key))}\"";
                html.Append($"<td data-label=\"{E(AccountingText.Title(key.EndsWith("_id", StringComparison.Ordinal) ? key[..^3] : key))}\">").Append(key switch
                {
                    "account_id" => Select(name, label, value, accounts),
                    "customer_id" => Select(name, label, value, customers, "(no job)"),
                    "amount" => $"<input name=\"{name}\" {label} inputmode=\"decimal\" size=\"10\" class=\"num\" value=\"{E(value)}\">",
                    _ => $"<input name=\"{name}\" {label} value=\"{E(value)}\">",
                }).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div></fieldset>").ToString();
    }

    private static string Select(string name, string label, string value, IReadOnlyList<(string Id, string Name)> options, string? none = null)
    {
        var html = new StringBuilder($"<select name=\"{name}\" {label}>");
        html.Append(none is null ? "" : $"<option value=\"\">{E(none)}</option>");
        if (value.Length > 0 && options.All(o => o.Id != value))
        {
            html.Append($"<option value=\"{E(value)}\" selected>{E(value)}</option>");
        }

        foreach (var (id, text) in options)
        {
            html.Append($"<option value=\"{E(id)}\"{(id == value ? " selected" : "")}>{E(text)}</option>");
        }

        return html.Append("</select>").ToString();
    }

    /// <summary>
    /// The changes a posted form asks for: "field:x" as text, "json:x" as JSON, "line:lines:0:amount" gathered back into
    /// the array of line objects (each value text, as the payload writes amounts and ids).
    /// </summary>
    public static JsonObject Changes(IFormCollection form)
    {
        var changes = new JsonObject();
        var lines = new SortedDictionary<string, SortedDictionary<int, JsonObject>>(StringComparer.Ordinal);
        foreach (var key in form.Keys)
        {
            var value = form[key].ToString();
            if (key.StartsWith("field:", StringComparison.Ordinal))
            {
                // Browsers post a textarea's line breaks as CRLF; the message keeps the LF it was written with.
                changes[key["field:".Length..]] = JsonValue.Create(value.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
            else if (key.StartsWith("json:", StringComparison.Ordinal))
            {
                changes[key["json:".Length..]] = JsonNode.Parse(value);
            }
            else if (key.StartsWith("line:", StringComparison.Ordinal) && key.Split(':') is [_, var field, var index, var property]
                     && int.TryParse(index, out var i))
            {
                var byIndex = lines.TryGetValue(field, out var found) ? found : lines[field] = [];
                var line = byIndex.TryGetValue(i, out var l) ? l : byIndex[i] = [];
                line[property] = value.Length == 0 && property.EndsWith("_id", StringComparison.Ordinal) ? null : JsonValue.Create(value);
            }
        }

        foreach (var (field, byIndex) in lines)
        {
            changes[field] = new JsonArray(byIndex.Values.Select(l => (JsonNode)l).ToArray());
        }

        return changes;
    }
}
