using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The inbox of proposals, worst first (issues 9 and 17): filtered, sorted and paged on the server, routine proposals
/// selectable for a bulk approve or reject; and one proposal with its figures, sources and the verbs the person may use.
/// </summary>
public static class InboxPages
{
    public static RouteGroupBuilder MapInboxPages(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/inbox", (HttpContext http, string tenant, string? msg, ProposalActions actions, ProposalGate proposals, GateOptions gate, IOptions<ConsoleOptions> options, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, caller => InboxAsync(http, caller, msg, new(actions, proposals, gate, options.Value, clock))));
        tenant.MapGet("/proposals/{id:long}", (HttpContext http, string tenant, long id, string? msg, ProposalActions actions, ProposalGate gate, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, caller => ProposalPage.ShowAsync(http, caller, id, msg, actions, gate, options.Value)));
        tenant.MapPost("/proposals/bulk", (HttpContext http, string tenant, IFormCollection form, ProposalActions actions, ProposalGate gate, GateOptions gateOptions) =>
            ConsolePage.RunAsync(http, tenant, caller => BulkAsync(http, caller, form, actions, gate, gateOptions)));
        tenant.MapPost("/proposals/{id:long}/{verb}", (HttpContext http, string tenant, long id, string verb, IFormCollection form, ProposalActions actions) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var (row, replayed) = await actions.RunAsync(caller, id, verb, form["reason"], EditForm.Changes(form), http.RequestAborted);
                var msg = replayed ? $"Already {row.State}: nothing done twice." : $"Proposal {id} is now {row.State}.";
                return Results.Redirect($"{Tenant(caller.Tenant)}/proposals/{id}?msg={Uri.EscapeDataString(msg + (row.Error is null ? "" : " " + row.Error))}");
            }));
        return tenant;
    }

    /// <summary>What the inbox page needs from the host.</summary>
    private sealed record InboxServices(ProposalActions Actions, ProposalGate Proposals, GateOptions Gate, ConsoleOptions Options, TimeProvider Clock);

    private static async Task<IResult> InboxAsync(HttpContext http, Caller caller, string? msg, InboxServices services)
    {
        var (actions, gate, options) = (services.Actions, services.Gate, services.Options);
        var saved = await SavedFilterPages.LoadAsync(http, caller, "inbox");
        if (saved.Redirect is { } opening)
        {
            return opening;
        }

        // Issue 17: one page read in SQL (ProposalPages.List), not every proposal per request.
        var query = ListQuery.Parse(http.Request.Query);
        var (page, agents) = await actions.ListPageAsync(caller, SqlListPage.QueryOf(http, query, options.PageSize), http.RequestAborted);
        EnsureKnown(query, "state", BackOffice.Kernel.Gate.ProposalStates.All);
        EnsureKnown(query, "risk", Enum.GetNames<BackOffice.Kernel.Abstractions.Proposals.RiskClass>());
        EnsureKnown(query, "agent", gate.AgentDepartments.Keys.Concat(agents).Distinct().ToList());
        var selectable = page.Rows.Where(p => ProposalButtons.CanBulkDecide(caller.Actor, p, gate)).Select(p => p.Id).ToHashSet();
        // Issue 17: ids in titles read as the records they are (RecordRefs), on the page and in its exports.
        var refs = await RecordRefs.LoadAsync(caller.Data, page.Rows.Select(r => r.Title), http.RequestAborted);
        var rows = page.Rows.Select(r => InboxRows.Row(r, actions, services.Proposals)).Select(r => { r["title"] = refs.Text((string?)r["title"]); return r; }).ToList();
        var columns = InboxRows.Columns(rows, options.ZoneFor(caller.Tenant));
        var path = $"{Tenant(caller.Tenant)}/inbox";
        if (ListExport.FileIfAsked(http, "inbox", "Inbox", columns, rows) is { } file)
        {
            return file;
        }

        var list = new ListTable(columns, query, options.PageSize, q => ListForm.Link(path, q, new Dictionary<string, string?>()));
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["state"] = BackOffice.Kernel.Gate.ProposalStates.All, ["risk"] = Enum.GetNames<BackOffice.Kernel.Abstractions.Proposals.RiskClass>(), ["agent"] = agents,
        };
        var table = SqlListPage.Render(list, rows, page, BackOffice.Store.Proposals.ProposalPages.List, (c, row) => InboxRows.Cell(caller.Tenant, c, row, selectable, services.Clock.GetUtcNow()));
        var body = new StringBuilder(Notice(msg)).Append("<p class=\"muted\">Open proposals first; money and legal before routine. Tick routine proposals to approve or reject them together.</p>")
            .Append(ListForm.Render(path, query, columns, c => choices.GetValueOrDefault(c.Name) ?? [], exports: ListExport.Links(path, query), saved: saved.Html))
            .Append($"<form method=\"post\" action=\"{Tenant(caller.Tenant)}/proposals/bulk\" class=\"bulk\">{Token(http)}")
            .Append(selectable.Count == 0 ? "" : "<div class=\"actions card\"><button class=\"primary\" name=\"verb\" value=\"approve\">Approve selected</button><label>Reason for rejecting <input name=\"reason\"></label><button class=\"danger\" name=\"verb\" value=\"reject\">Reject selected</button></div>")
            .Append(table).Append("</form>");
        return Page("Inbox", body.ToString(), caller);
    }

    /// <summary>Issue 17: an unknown state, risk or agent is an error naming it, not an empty inbox.</summary>
    internal static void EnsureKnown(ListQuery query, string column, IReadOnlyCollection<string> known) =>
        Api.KnownFilters.Ensure(column, query.Matches.GetValueOrDefault(column), known);

    /// <summary>Approves or rejects each selected proposal through the gate, one by one; refuses a non-routine one before touching any.</summary>
    private static async Task<IResult> BulkAsync(HttpContext http, Caller caller, IFormCollection form, ProposalActions actions, ProposalGate gate, GateOptions options)
    {
        var verb = form["verb"].ToString();
        if (verb is not ("approve" or "reject"))
        {
            throw new BadListQueryException($"Bulk '{verb}' is not a bulk verb: approve or reject.");
        }

        // Issue 17: a row's own Approve button (a card at phone width) posts the same form for that one proposal.
        var only = http.Request.Query["only"].ToString();
        var ids = (only.Length > 0 ? [only] : form["ids"].Select(i => i!)).Select(i => long.Parse(i, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Results.Redirect($"{Tenant(caller.Tenant)}/inbox?msg={Uri.EscapeDataString("Nothing selected.")}");
        }

        foreach (var id in ids)
        {
            var row = await gate.GetAsync(caller.Data, id, http.RequestAborted);
            if (!ProposalButtons.CanBulkDecide(caller.Actor, row, options))
            {
                throw new GateRefusedException($"Proposal {id} is {row.Risk.ToLowerInvariant()} and {row.State}: only routine proposals still proposed are decided in bulk. Nothing was done.");
            }
        }

        foreach (var id in ids)
        {
            await actions.RunAsync(caller, id, verb, form["reason"], null, http.RequestAborted);
        }

        var done = verb == "approve" ? "approved" : "rejected";
        return Results.Redirect($"{Tenant(caller.Tenant)}/inbox?msg={Uri.EscapeDataString($"{ids.Count} {(ids.Count == 1 ? "proposal" : "proposals")} {done}: {string.Join(", ", ids)}.")}");
    }
}
