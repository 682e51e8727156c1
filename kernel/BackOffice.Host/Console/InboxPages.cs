using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Store.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>The inbox of proposals, worst first, and one proposal with its figures, sources and the gate's verbs (issue 9).</summary>
public static class InboxPages
{
    public static RouteGroupBuilder MapInboxPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/inbox", (HttpContext http, string tenant, string? state, ProposalActions actions) =>
            ConsolePage.RunAsync(http, tenant, caller => InboxAsync(caller, state, actions, http.RequestAborted)));
        tenant.MapGet("/proposals/{id:long}", (HttpContext http, string tenant, long id, string? msg, ProposalActions actions) =>
            ConsolePage.RunAsync(http, tenant, caller => ProposalAsync(http, caller, id, msg, actions)));
        tenant.MapPost("/proposals/{id:long}/{verb}", (HttpContext http, string tenant, long id, string verb, IFormCollection form, ProposalActions actions) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var changes = new JsonObject();
                foreach (var key in form.Keys)
                {
                    if (key.StartsWith("field:", StringComparison.Ordinal))
                    {
                        changes[key["field:".Length..]] = JsonValue.Create(form[key].ToString());
                    }
                    else if (key.StartsWith("json:", StringComparison.Ordinal))
                    {
                        changes[key["json:".Length..]] = JsonNode.Parse(form[key].ToString());
                    }
                }

                var (row, replayed) = await actions.RunAsync(caller, id, verb, form["reason"], changes, http.RequestAborted);
                var msg = replayed ? $"Already {row.State}: nothing done twice." : $"Proposal {id} is now {row.State}.";
                return Results.Redirect($"{Tenant(caller.Tenant)}/proposals/{id}?msg={Uri.EscapeDataString(msg + (row.Error is null ? "" : " " + row.Error))}");
            }));
        return tenant;
    }

    private static async Task<IResult> InboxAsync(Caller caller, string? state, ProposalActions actions, CancellationToken ct)
    {
        var rows = await actions.InboxAsync(caller, new ProposalFilter(state), null, ct);
        var body = new StringBuilder("<p class=\"muted\">Open proposals first; money and legal before routine.</p>")
            .Append("<table><thead><tr><th>#</th><th>State</th><th>Risk</th><th>Agent</th><th>Proposal</th><th>Must be approved by</th><th>Undo</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            body.Append($"<tr><td>{r.Id}</td><td>{Badge(r.State, r.State)}</td><td>{Badge(r.Risk, r.Risk)}</td><td>{E(r.Agent)}</td>")
                .Append($"<td><a href=\"{Tenant(caller.Tenant)}/proposals/{r.Id}\">{E(r.Title)}</a></td><td>{E(actions.WhoMustApprove(r))}</td>")
                .Append($"<td>{(r.Reversible != 0 ? "can be undone" : "<strong>cannot be undone</strong>")}</td></tr>");
        }

        body.Append(rows.Count == 0 ? "<tr><td colspan=\"7\" class=\"muted\">Nothing to decide.</td></tr>" : "").Append("</tbody></table>");
        return Page("Inbox", body.ToString(), caller.User.Id, caller.Tenant);
    }

    private static async Task<IResult> ProposalAsync(HttpContext http, Caller caller, long id, string? msg, ProposalActions actions)
    {
        var view = await actions.DetailAsync(caller, id, http.RequestAborted);
        var body = new StringBuilder(Notice(msg));
        body.Append($"<div class=\"card\"><p>{Badge((string)view["state"]!, (string)view["state"]!)} {Badge((string)view["risk"]!, (string)view["risk"]!)} ")
            .Append($"proposed by {E(view["proposedBy"])} at {E(view["proposedAt"])}</p>")
            .Append($"<p><strong>Must be approved by:</strong> {E(view["whoMustApprove"])}</p>")
            .Append((bool)view["reversible"]! ? "<p>Can be undone after execution.</p>" : $"<p><strong>Cannot be undone once executed:</strong> {E(view["irreversibleReason"])}</p>")
            .Append($"<p>{E(view["narrative"])}</p>")
            .Append(view["error"] is { } error ? Notice($"Last error: {error}", error: true) : "").Append("</div>");
        body.Append(ProposalParts.Figures(caller.Tenant, view["figures"]!.AsArray()));
        body.Append(ProposalParts.Verbs(http, caller.Tenant, id, view));
        body.Append(ProposalParts.History(view["history"]!.AsArray()));
        return Page($"Proposal {id}: {view["title"]}", body.ToString(), caller.User.Id, caller.Tenant);
    }
}
