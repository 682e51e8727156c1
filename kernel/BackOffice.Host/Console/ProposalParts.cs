using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Pieces of the proposal page (issues 9 and 17): figures in dollars with drill-down to the source records by name,
/// only the verbs the person may use now (the reason for each one not offered), the typed edit form, a preview of a
/// message as it will be sent, the payload as a labelled form, and the history in the tenant's time zone.
/// </summary>
public static class ProposalParts
{
    /// <param name="records">The source records the book has no name for (a sub invoice, a commitment), read once for the page.</param>
    public static string Figures(string tenant, JsonArray figures, NameBook names, IReadOnlyDictionary<(string Table, string Id), JsonObject?> records)
    {
        var html = new StringBuilder("<h2>Figures</h2><div class=\"scroll\"><table class=\"cards\"><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Computed by</th><th scope=\"col\">From</th></tr></thead><tbody>");
        foreach (var f in figures)
        {
            var sources = string.Join(", ", f!["sources"]!.AsArray().Select(s =>
                $"<a href=\"{Tenant(tenant)}/records/{Uri.EscapeDataString((string)s!["table"]!)}/{Uri.EscapeDataString((string)s["id"]!)}\">{E(WorklistPages.RecordTitle((string)s["table"]!))} {E(SourceName(names, records, (string)s["table"]!, (string)s["id"]!))}</a>"));
            html.Append($"<tr><td class=\"lead\">{E(AccountingText.Title((string?)f["name"] ?? ""))}</td><td class=\"num\" data-label=\"Value\">{E(Value((string?)f["value"], (string?)f["unit"], (string?)f["name"]))}</td><td data-label=\"Computed by\">{E(f["tool"])}</td><td data-label=\"From\">{sources}</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>The figures' source records the name book does not know, to be named by their own number (one read a table).</summary>
    public static Task<IReadOnlyDictionary<(string Table, string Id), JsonObject?>> SourcesAsync(
        BackOffice.Store.Tenancy.TenantData data, JsonArray figures, NameBook names, CancellationToken ct) =>
        BackOffice.Store.Records.SourceRecords.FindManyAsync(data, figures.SelectMany(f => f!["sources"]!.AsArray())
            .Select(s => ((string)s!["table"]!, (string)s["id"]!)).Where(s => !names.Knows(s.Item2)).Distinct().ToList(), ct);

    /// <summary>
    /// Issue 17: a source as a person knows it: its name from the book ("Rivera Plumbing"), else its own number
    /// ("Project sub invoice RP-2315", "Project commitment SC-103-03", not "si-05", "cmt-103-03"), else its id.
    /// </summary>
    private static string SourceName(NameBook names, IReadOnlyDictionary<(string Table, string Id), JsonObject?> sources, string table, string id) =>
        RecordName(names, id, sources.GetValueOrDefault((table, id)));

    /// <summary>A record by its name in the book, else by its own number, reference or name, else by its id.</summary>
    public static string RecordName(NameBook names, string id, JsonObject? record) =>
        names.Knows(id) || record is null ? names.Name(id)
        : new[] { "number", "doc_number", "reference", "name", "file_name" }.Select(f => record[f]?.ToString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? id;

    /// <summary>Issue 17: "agent:financial" as "the financial agent"; a person by their user name.</summary>
    public static string Who(string? actor) => actor is { } a && a.StartsWith("agent:", StringComparison.Ordinal) ? $"the {a["agent:".Length..]} agent" : actor ?? "";

    /// <summary>Issue 17: an audit kind as a word ("proposal.created" reads "Created", "proposal.undo-failed" "Undo failed").</summary>
    public static string What(string? kind)
    {
        var last = (kind ?? "").Split('.')[^1].Replace('-', ' ');
        return last.Length == 0 ? "" : char.ToUpperInvariant(last[0]) + last[1..];
    }

    /// <param name="name">The figure's name: issue 17 says what a count counts ("269 days", not "269 count").</param>
    public static string Value(string? value, string? unit, string? name = null) => unit switch
    {
        "count" => CountText.Of(name, value),
        "usd" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => MoneyText.Usd(d),
        "percent" or "%" => value + "%",
        "date" => AccountingText.Date(value ?? ""),
        null or "" => value ?? "",
        _ => $"{value} {unit}",
    };

    public static string Decide(string action, string token, ProposalButtons buttons)
    {
        var html = new StringBuilder("<h2 id=\"decide\">Decide</h2><div class=\"actions card\">");
        html.Append(buttons.Allows("approve") ? $"<form method=\"post\" action=\"{action}/approve\">{token}<button class=\"primary\" name=\"go\" value=\"approve\" accesskey=\"a\">Approve</button></form>" : "")
            .Append(buttons.Allows("reject") ? $"<form method=\"post\" action=\"{action}/reject\">{token}<label>Reason for rejecting <input name=\"reason\" required></label><button class=\"danger\" accesskey=\"r\">Reject</button></form>" : "")
            .Append(buttons.Allows("execute") ? $"<form method=\"post\" action=\"{action}/execute\">{token}<button accesskey=\"x\">Execute</button></form>" : "")
            .Append(buttons.Allows("undo") ? $"<form method=\"post\" action=\"{action}/undo\">{token}<button accesskey=\"u\">Undo</button></form>" : "");
        var why = ProposalButtons.Verbs.Where(v => v != "edit" && !buttons.Allows(v)).Select(v => $"<li><strong>{E(char.ToUpperInvariant(v[0]) + v[1..])}</strong>: {E(buttons.WhyNot(v))}</li>").ToList();
        html.Append(why.Count == 0 ? "" : $"<ul class=\"why-not muted\">{string.Concat(why)}</ul>")
            .Append("<p class=\"muted keys\">Keyboard (no script): the browser's access key (Alt+Shift in Chrome) with A approve, R reject, X execute, U undo.</p>");
        return html.Append("</div>").ToString();
    }

    /// <summary>A message proposal (to, subject, body) as the recipient will see it.</summary>
    public static string Preview(JsonObject payload)
    {
        if (payload["body"] is not JsonValue body || !body.TryGetValue<string>(out var text))
        {
            return "";
        }

        return $"""
            <h2>Preview of the message as it will be sent</h2><div class="card message-preview">
            <p><strong>To:</strong> {E(payload["to"])}</p><p><strong>Subject:</strong> {E(payload["subject"])}</p><pre class="body">{E(text)}</pre></div>
            """;
    }

    /// <param name="sources">Issue 17: the figures' source records, which name an id the book does not know ("invoice 0988" for inv-0988).</param>
    /// <param name="refs">The record references of the page's title and narrative, for ids the payload repeats.</param>
    public static string Payload(JsonObject payload, NameBook names, TimeZoneInfo zone, IReadOnlyDictionary<(string Table, string Id), JsonObject?> sources, RecordRefs refs)
    {
        var html = new StringBuilder("<h2>What will be written</h2><dl class=\"record card\">");
        foreach (var (key, node) in payload)
        {
            if (node is JsonArray array)
            {
                // Issue 17: a list of values (a message's figures) as a list, not as JSON.
                var shown = array.All(a => a is JsonValue) ? E(string.Join(", ", array.Select(a => a!.ToString()))) : Lines(array, names, zone);
                html.Append($"<div class=\"wide\"><dt>{E(AccountingText.Title(key))}</dt><dd>{shown}</dd></div>");
                continue;
            }

            var text = node?.ToString() ?? "";
            var (label, value, right) = RecordForm.Field(key, text, names, zone);
            // Issue 17: money as currency (a payroll adjustment's paid_gross too), a date alone as a date, an id as its
            // source record or as the page's references read it ("pr-2026-11-08" as its week).
            value = IsMoney(key) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? Value(value, "usd")
                : value != text ? value
                : sources.Keys.FirstOrDefault(k => k.Id == text) is { Table: not null } source ? SourceName(names, sources, source.Table, text)
                : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? AccountingText.Date(text)
                : refs.Text(text);
            // Issue 17: a message body keeps its line breaks, on the whole width.
            html.Append(value.Contains('\n', StringComparison.Ordinal)
                ? $"<div class=\"wide\"><dt>{E(label)}</dt><dd class=\"narrative\">{E(value)}</dd></div>"
                : $"<div><dt>{E(label)}</dt><dd{(right ? " class=\"num\"" : "")}>{E(value)}</dd></div>");
        }

        return html.Append("</dl>").ToString();
    }

    private static bool IsMoney(string key) =>
        key == "amount" || key.EndsWith("_amount", StringComparison.Ordinal) || key.EndsWith("gross", StringComparison.Ordinal);

    public static string History(JsonArray history, TimeZoneInfo zone)
    {
        var html = new StringBuilder("<h2>History</h2><div class=\"scroll\"><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Who</th></tr></thead><tbody>");
        foreach (var e in history)
        {
            html.Append($"<tr><td>{E(AccountingText.Timestamp((string?)e!["at"] ?? "", zone))}</td><td>{E(What((string?)e["kind"]))}</td><td>{E(Who((string?)e["actor"]))}</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Lines(JsonArray lines, NameBook names, TimeZoneInfo zone)
    {
        var objects = lines.OfType<JsonObject>().ToList();
        if (objects.Count != lines.Count)
        {
            return E(lines.ToJsonString());
        }

        // Issue 17: at phone width each line is a card of label/value rows (class "cards"), as the edit form's lines
        // are; a table of five columns squeezed into 390 px wrapped every value a word a line.
        var keys = objects.SelectMany(o => o.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        var labels = keys.ToDictionary(k => k, k => RecordForm.Field(k, "", names, zone).Label, StringComparer.Ordinal);
        var html = new StringBuilder("<div class=\"scroll\"><table class=\"cards lines\"><thead><tr><th scope=\"col\">#</th>");
        html.Append(string.Concat(keys.Select(k => $"<th scope=\"col\"{(k.Contains("amount", StringComparison.Ordinal) ? " class=\"num\"" : "")}>{E(labels[k])}</th>"))).Append("</tr></thead><tbody>");
        for (var i = 0; i < objects.Count; i++)
        {
            var line = objects[i];
            html.Append($"<tr><td class=\"lead\">Line {i + 1}</td>").Append(string.Concat(keys.Select(k => k.Contains("amount", StringComparison.Ordinal)
                ? $"<td class=\"num\" data-label=\"{E(labels[k])}\">{E(Value(line[k]?.ToString(), "usd"))}</td>"
                : $"<td data-label=\"{E(labels[k])}\">{E(RecordForm.Field(k, line[k]?.ToString() ?? "", names, zone).Value)}</td>"))).Append("</tr>");
        }

        var total = objects.Sum(o => decimal.TryParse(o["amount"]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m);
        var totalRow = keys.Contains("amount")
            ? $"<tfoot><tr class=\"total\"><th scope=\"row\">Total</th>{string.Concat(keys.Select(k => k == "amount" ? $"<th class=\"num\">{E(MoneyText.Usd(total))}</th>" : "<th></th>"))}</tr></tfoot>"
            : "";
        return html.Append("</tbody>").Append(totalRow).Append("</table></div>").ToString();
    }
}
