using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>One proposal (issues 9 and 17): what it is, who must approve, whether and until when it can be undone, its figures, the verbs this person may use now and why not the others, the typed edit form, the message preview, the payload and the history.</summary>
public static class ProposalPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, Caller caller, long id, string? msg, ProposalActions actions, ProposalGate gate, ConsoleOptions options)
    {
        var ct = http.RequestAborted;
        var view = await actions.DetailAsync(caller, id, ct);
        var row = await gate.GetAsync(caller.Data, id, ct);
        var buttons = await ProposalButtons.ForAsync(caller.Data, caller.Actor, row, gate, ct);
        var names = await NameBook.LoadAsync(caller.Data, ct);
        // The payload's own values too: the detail view's title and narrative are in words already, a payroll run id in the payload is not.
        var refs = await RecordRefs.LoadAsync(
            caller.Data, [(string?)view["title"], (string?)view["narrative"], .. view["payload"]!.AsObject().Select(p => p.Value is JsonValue v ? v.ToString() : null)], ct);
        var zone = options.ZoneFor(caller.Tenant);
        var state = (string)view["state"]!;
        var body = new StringBuilder(Notice(msg, error: msg is not null && (msg.Contains("failed", StringComparison.Ordinal) || msg.StartsWith("Refused", StringComparison.Ordinal))));
        body.Append($"<div class=\"card\"><p>{Badge(state, state)} {Badge((string)view["risk"]!, (string)view["risk"]!)} ")
            .Append($"proposed by {E(ProposalParts.Who((string?)view["proposedBy"]))} on {E(AccountingText.Timestamp((string?)view["proposedAt"] ?? "", zone))}</p>")
            .Append($"<p><strong>Must be approved by:</strong> {E(view["whoMustApprove"])}</p>")
            .Append(Undo(view, buttons))
            .Append($"<p class=\"narrative\">{E(refs.Text((string?)view["narrative"]))}</p>")
            .Append(view["error"] is { } error ? Notice($"Last error: {error}", error: true) : "").Append("</div>");
        var figures = view["figures"]!.AsArray();
        var sources = await ProposalParts.SourcesAsync(caller.Data, figures, names, ct);
        body.Append(ProposalParts.Figures(caller.Tenant, figures, names, sources));
        var action = $"{Tenant(caller.Tenant)}/proposals/{id}";
        var token = Token(http);
        body.Append(ProposalParts.Decide(action, token, buttons));
        var payload = view["payload"]!.AsObject();
        body.Append(ProposalParts.Preview(payload));
        body.Append(await EditAsync(caller, action, token, view, payload, buttons, names, ct));
        body.Append(ProposalParts.Payload(payload, names, zone, sources, refs))
            .Append($"<details><summary>Payload as the API sends it (JSON)</summary><pre>{E(payload.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))}</pre></details>");
        body.Append(ProposalParts.History(view["history"]!.AsArray(), zone));
        return Page($"Proposal {id}: {refs.Text((string?)view["title"])}", body.ToString(), caller);
    }

    private static string Undo(JsonObject view, ProposalButtons buttons) =>
        buttons.UndoWarning is { } warning ? $"<p class=\"notice error\"><strong>Cannot be undone any more:</strong> {E(warning)}</p>"
        : (bool)view["reversible"]! ? "<p>Can be undone after execution" + (view["irreversibleReason"] is null ? "." : $", but {E(view["irreversibleReason"])}.") + "</p>"
        : $"<p><strong>Cannot be undone once executed:</strong> {E(view["irreversibleReason"])}</p>";

    private static async Task<string> EditAsync(Caller caller, string action, string token, JsonObject view, JsonObject payload, ProposalButtons buttons, NameBook names, CancellationToken ct)
    {
        var editable = view["editableFields"]!.AsArray().Select(f => (string)f!).ToList();
        if (editable.Count == 0)
        {
            return "<h2>Edit before approval</h2><p class=\"muted\">Nothing on this proposal is editable.</p>";
        }

        if (buttons.WhyNot("edit") is { } why)
        {
            return $"<h2>Edit before approval</h2><p class=\"muted\">Not editable now: {E(why)}</p>";
        }

        var accounts = (await caller.Data.Ledger.AccountsAsync(ct)).Where(a => a.Active).OrderBy(a => a.Number ?? a.Name, StringComparer.Ordinal)
            .Select(a => (a.Id, names.Name(a.Id))).ToList();
        var customers = (await caller.Data.Ledger.CustomersAsync(ct)).Where(c => c.Active).OrderBy(c => c.FullyQualifiedName, StringComparer.OrdinalIgnoreCase)
            .Select(c => (c.Id, c.FullyQualifiedName)).ToList();
        return "<h2>Edit before approval</h2>" + EditForm.Render(action, token, editable, payload, names, accounts, customers);
    }
}
