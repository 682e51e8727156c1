using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>Pieces of the proposal page: figures with drill-down to source records, the verb forms, the history.</summary>
public static class ProposalParts
{
    public static string Figures(string tenant, JsonArray figures)
    {
        var html = new StringBuilder("<h2>Figures</h2><table><thead><tr><th>Figure</th><th>Value</th><th>Unit</th><th>Computed by</th><th>From</th></tr></thead><tbody>");
        foreach (var f in figures)
        {
            var sources = string.Join(", ", f!["sources"]!.AsArray().Select(s =>
                $"<a href=\"{Tenant(tenant)}/records/{Uri.EscapeDataString((string)s!["table"]!)}/{Uri.EscapeDataString((string)s["id"]!)}\">{E(s["system"])}:{E(s["table"])}/{E(s["id"])}</a>"));
            html.Append($"<tr><td>{E(f["name"])}</td><td class=\"num\">{E(f["value"])}</td><td>{E(f["unit"])}</td><td>{E(f["tool"])}</td><td>{sources}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Verbs(HttpContext http, string tenant, long id, JsonObject view)
    {
        var action = $"{Tenant(tenant)}/proposals/{id}";
        var token = Token(http);
        var editable = view["editableFields"]!.AsArray().Select(f => (string)f!).ToList();
        var payload = view["payload"]!.AsObject();
        var edit = new StringBuilder();
        foreach (var field in editable)
        {
            // Text fields post as text; anything else (numbers, lines) as JSON, so "123" in a memo stays text.
            var isText = payload[field] is JsonValue v && v.TryGetValue<string>(out _);
            var value = isText ? (string)payload[field]! : payload[field]?.ToJsonString() ?? "";
            edit.Append($"<label>{E(field)} <input name=\"{(isText ? "field" : "json")}:{E(field)}\" value=\"{E(value)}\"></label>");
        }

        return $"""
            <h2>Decide</h2><div class="actions card">
            <form method="post" action="{action}/approve">{token}<button class="primary" name="go" value="approve">Approve</button></form>
            <form method="post" action="{action}/reject">{token}<input name="reason" placeholder="Reason for rejecting" required><button class="danger">Reject</button></form>
            <form method="post" action="{action}/execute">{token}<button>Execute</button></form>
            <form method="post" action="{action}/undo">{token}<button>Undo</button></form>
            </div>
            <h2>Edit before approval</h2>
            {(editable.Count == 0 ? "<p class=\"muted\">Nothing on this proposal is editable.</p>" : $"<form method=\"post\" action=\"{action}/edit\" class=\"actions card\">{token}{edit}<button>Save edit</button></form>")}
            <h2>Payload</h2><pre>{E(payload.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))}</pre>
            """;
    }

    public static string History(JsonArray history)
    {
        var html = new StringBuilder("<h2>History</h2><table><thead><tr><th>At</th><th>What</th><th>Who</th></tr></thead><tbody>");
        foreach (var e in history)
        {
            html.Append($"<tr><td>{E(e!["at"])}</td><td>{E(e["kind"])}</td><td>{E(e["actor"])}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
