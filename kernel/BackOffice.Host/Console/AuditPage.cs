using System.Text;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>The tenant's audit log, filterable by kind, actor and subject, with a verify button (issue 9).</summary>
public static class AuditPage
{
    public static RouteGroupBuilder MapAuditPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/audit", (HttpContext http, string tenant, string? kind, string? actor, string? subject) =>
            ConsolePage.RunAsync(http, tenant, caller => ShowAsync(http, caller, new AuditApi.AuditFilter(Blank(kind), Blank(subject), Blank(actor)), null)));
        tenant.MapPost("/audit/verify", (HttpContext http, string tenant, IFormCollection form, AuditAnchors anchors) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var result = await AuditApi.VerifyChainAsync(caller, anchors, http.RequestAborted);
                var intact = (bool)result["intact"]!;
                var message = intact
                    ? $"The chain is intact: {result["events"]} events, none edited, removed or reordered."
                    : $"TAMPERING DETECTED at event {result["firstBadEvent"]}: {result["reason"]}";
                return await ShowAsync(http, caller, new AuditApi.AuditFilter(null, null, null), (message, intact));
            }));
        return tenant;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, Caller caller, AuditApi.AuditFilter filter, (string Message, bool Intact)? verified)
    {
        var events = await AuditApi.ReadAsync(caller, filter, http.RequestAborted);
        var html = new StringBuilder(verified is { } v ? Notice(v.Message, error: !v.Intact) : "");
        html.Append($"""
            <div class="actions card"><form method="get" action="{Tenant(caller.Tenant)}/audit">
            <input name="kind" placeholder="kind, e.g. proposal." value="{E(filter.Kind)}"><input name="actor" placeholder="actor" value="{E(filter.Actor)}">
            <input name="subject" placeholder="subject, e.g. proposal:1" value="{E(filter.Subject)}"><button>Filter</button></form>
            <form method="post" action="{Tenant(caller.Tenant)}/audit/verify">{Token(http)}<button class="primary">Verify chain</button></form></div>
            <table><thead><tr><th>#</th><th>At</th><th>Who</th><th>What</th><th>Subject</th><th>Data</th></tr></thead><tbody>
            """);
        foreach (var e in events.Reverse())
        {
            html.Append($"<tr><td>{e.Seq}</td><td>{E(e.At)}</td><td>{E(e.Actor)}</td><td>{E(e.Kind)}</td><td>{E(e.Subject)}</td><td><code>{E(e.DataJson)}</code></td></tr>");
        }

        return Page("Audit log", html.Append("</tbody></table>").ToString(), caller.User.Id, caller.Tenant);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
