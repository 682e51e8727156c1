using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Worklists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The tenant's audit log (issues 9 and 17), most recent first, paged, sortable and searchable like every list, with
/// times in the tenant's time zone and a verify button.
/// </summary>
public static class AuditPage
{
    public static RouteGroupBuilder MapAuditPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/audit", (HttpContext http, string tenant, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, caller => ShowAsync(http, caller, options.Value, null)));
        tenant.MapPost("/audit/verify", (HttpContext http, string tenant, IFormCollection form, AuditChains chains, IOptions<ConsoleOptions> options) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var result = await AuditApi.VerifyChainAsync(caller, chains, http.RequestAborted);
                var intact = (bool)result["intact"]!;
                var message = intact
                    ? $"The chain is intact: {result["events"]} events, none edited, removed or reordered."
                    : $"TAMPERING DETECTED at event {result["firstBadEvent"]}: {result["reason"]}";
                return await ShowAsync(http, caller, options.Value, (message, intact));
            }));
        return tenant;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, Caller caller, ConsoleOptions options, (string Message, bool Intact)? verified)
    {
        var saved = await SavedFilterPages.LoadAsync(http, caller, "audit");
        if (saved.Redirect is { } opening)
        {
            return opening;
        }

        // Issue 17: one page read in SQL (AuditPages.List), most recent first, not the whole chain per request.
        var query = ListQuery.Parse(http.Request.Query);
        var (page, choices) = await ReadAsync(caller, SqlListPage.QueryOf(http, query, options.PageSize), http.RequestAborted);
        var rows = page.Rows.Select(e => new JsonObject
        {
            ["seq"] = e.Seq.ToString(CultureInfo.InvariantCulture), ["at"] = e.At, ["actor"] = e.Actor, ["kind"] = e.Kind, ["subject"] = e.Subject, ["data"] = e.DataJson,
        }).ToList();
        var columns = ReportColumns.For(["seq", "at", "actor", "kind", "subject", "data"], rows, NameBook.Empty, options.ZoneFor(caller.Tenant));
        var path = $"{Tenant(caller.Tenant)}/audit";
        if (ListExport.FileIfAsked(http, "audit", "Audit log", columns, rows) is { } file)
        {
            return file;
        }

        // Issue 17: at 390 px the five-column table wrapped each timestamp over four lines; each event is a card there.
        var list = new ListTable(columns, query, options.PageSize, q => ListForm.Link(path, q, new Dictionary<string, string?>())) { Cards = true };
        var html = new StringBuilder(verified is { } v ? Notice(v.Message, error: !v.Intact) : saved.Notice)
            .Append($"<form method=\"post\" action=\"{path}/verify\" class=\"actions\">{Token(http)}<button class=\"primary\">Verify chain</button></form>")
            .Append(ListForm.Render(path, query, columns, c => choices.GetValueOrDefault(c.Name) ?? [], exports: ListExport.Links(path, query), saved: saved.Html))
            .Append(SqlListPage.Render(list, rows, page, AuditPages.List, (c, row) => c.Name == "data" ? Data(ListQuery.Cell(row, "data")) : null));
        return Page("Audit log", html.ToString(), caller);
    }

    /// <summary>One page of events and the actors and kinds the log has (each list at most 21: more is found by search).</summary>
    private static async Task<(ListPageOf<AuditEvent> Page, Dictionary<string, IReadOnlyList<string>> Choices)> ReadAsync(Caller caller, ListPageQuery query, CancellationToken ct)
    {
        await using var unit = await caller.Data.ReadAsync(ct);
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["actor"] = await AuditPages.ChoicesAsync(unit, "actor", ct), ["kind"] = await AuditPages.ChoicesAsync(unit, "kind", ct),
        };
        return (await AuditPages.PageAsync(unit, query, ct), choices);
    }

    /// <summary>
    /// Issue 17: an event's data folded under its first words: a proposal's whole payload and figures in every row made
    /// the demo's audit page 14,000 px tall at 1366 px. Short data stays open.
    /// </summary>
    private static string Data(string json) => json.Length <= 80
        ? $"<code>{E(json)}</code>"
        : $"<details><summary><code>{E(json[..72])}…</code></summary><code>{E(json)}</code></details>";
}
