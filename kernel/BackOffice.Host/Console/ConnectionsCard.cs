using System.Text;
using BackOffice.Host.Auth;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>One connection as the admin page shows it, whichever system it is; never a token or a client secret.</summary>
public sealed record ConnectionView(
    string Source, string Label, string? CompanyName, string? AccountId, string? ConnectedBy, string? LastSyncAt, string? LastError, string? Status)
{
    public bool Live => Status is not null;

    public bool NeedsReconnect => Status is QuickBooksConnection.NeedsReconnect or ProcoreConnection.NeedsReconnect;
}

/// <summary>
/// Issues 13 and 14 on the admin page: each system's connection (company, realm or company id, connected by, last sync,
/// last error, "needs reconnecting") with its Connect (or Reconnect) and Disconnect buttons, both POSTs with the
/// anti-forgery token. Rendered for admins only; the routes behind the buttons check again.
/// </summary>
public static class ConnectionsCard
{
    public static async Task<IReadOnlyList<ConnectionView>> ReadAsync(Caller caller, CancellationToken ct)
    {
        var qbo = await caller.Data.QuickBooks.CurrentAsync(ct);
        var procore = await caller.Data.Procore.CurrentAsync(ct);
        return
        [
            new(ConnectionsPages.QuickBooks, "QuickBooks Online", qbo?.CompanyName, qbo?.RealmId, qbo?.ConnectedBy, qbo?.LastSyncAt, qbo?.LastError, qbo?.Status),
            new(ConnectionsPages.Procore, "Procore", procore?.CompanyName, procore?.CompanyId, procore?.ConnectedBy, procore?.LastSyncAt, procore?.LastError, procore?.Status),
        ];
    }

    public static async Task<string> RenderAsync(HttpContext http, Caller caller, TimeZoneInfo zone)
    {
        var html = new StringBuilder("<h2>Connections</h2><div class=\"scroll\"><table id=\"connections\"><thead><tr><th>System</th><th>State</th>")
            .Append("<th>Company</th><th>Realm / company id</th><th>Connected by</th><th>Last sync</th><th>Last error</th><th>Change</th></tr></thead><tbody>");
        // Issue 13: a full QuickBooks sync that stopped part way shows under its last sync.
        var incomplete = http.RequestServices.GetService(typeof(QuickBooksSync)) is QuickBooksSync sync
            ? await sync.IncompleteAsync(caller.Data, http.RequestAborted)
            : null;
        foreach (var c in await ReadAsync(caller, http.RequestAborted))
        {
            var partial = c.Source == ConnectionsPages.QuickBooks && incomplete is not null
                ? $"<br><span class=\"notice\" id=\"sync-incomplete\">{E(incomplete.Describe(TenantZone.Shown(zone)))}</span>"
                : "";
            var state = c.NeedsReconnect ? Badge("needs reconnecting", "expired") : c.Live ? Badge("connected", "active") : Badge("not connected", "revoked");
            html.Append($"<tr id=\"connection-{E(c.Source)}\"><td>{E(c.Label)}</td><td>{state}</td><td>{E(c.CompanyName)}</td><td>{E(c.AccountId)}</td>")
                .Append($"<td>{E(c.ConnectedBy)}</td><td>{E(c.LastSyncAt is null ? "" : AccountingText.Timestamp(c.LastSyncAt, zone))}{partial}</td><td>{E(c.LastError)}</td>")
                .Append("<td class=\"actions\">").Append(ConnectForm(http, caller.Tenant, c))
                .Append(c.Source == ConnectionsPages.Procore ? ConnectionsServiceAccount.Button(http, caller.Tenant) : "")
                .Append(c.Live ? Form(http, caller.Tenant, c.Source, "disconnect", "", $"Disconnect {c.Label}") : "")
                .Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string ConnectForm(HttpContext http, string tenant, ConnectionView c)
    {
        var label = (c.Live ? "Reconnect " : "Connect ") + c.Label;
        // Procore: an app that sees several companies needs the one to connect (as `connect procore --company`).
        var company = c.Source == ConnectionsPages.Procore
            ? $"<label>Company id <input name=\"company\" value=\"{E(c.AccountId)}\" size=\"10\" inputmode=\"numeric\"></label> "
            : "";
        return Form(http, tenant, c.Source, "connect", company, label);
    }

    private static string Form(HttpContext http, string tenant, string source, string verb, string fields, string label) =>
        $"<form method=\"post\" action=\"{Tenant(tenant)}/admin/connections/{E(source)}/{verb}\">{Token(http)}{fields}<button>{E(label)}</button></form>";
}
