using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issues 13 and 14: "Connect QuickBooks" and "Connect Procore" from the admin page. Connect (a POST, admins only) keeps
/// a random state server-side (<see cref="OAuthStateStore"/>: the tenant, the user, the system, minutes to live, used
/// once) and sends the browser to the provider with Console:BaseUrl + /console/connections/SOURCE/callback as the
/// redirect URI. <see cref="ConnectionsCallback"/> receives the redirect; Disconnect revokes as the CLI does. Both
/// changes are audited in the tenant's chain (connection.connected, connection.disconnected), each in one unit with the change (issue 13).
/// </summary>
public static class ConnectionsPages
{
    public const string QuickBooks = "quickbooks";
    public const string Procore = "procore";

    public static RouteGroupBuilder MapConnectionsPages(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/admin/connections/{source}/connect", (HttpContext http, string tenant, string source, IFormCollection form) =>
            ConsolePage.RunAsync(http, tenant, caller => ConnectAsync(http, caller, source, form["company"].ToString())));
        tenant.MapPost(ConnectionsServiceAccount.Path, (HttpContext http, string tenant, IFormCollection form) =>
            ConsolePage.RunAsync(http, tenant, caller => ConnectionsServiceAccount.PostAsync(http, caller, form["company"].ToString())));
        tenant.MapPost("/admin/connections/{source}/disconnect", (HttpContext http, string tenant, string source) =>
            ConsolePage.RunAsync(http, tenant, caller => DisconnectAsync(http, caller, source)));
        return tenant;
    }

    /// <summary>The redirect URI the console registers with the provider for <paramref name="source"/>.</summary>
    public static string CallbackUri(ConsoleOptions options, string source) =>
        $"{options.BaseUrl!.TrimEnd('/')}/console/connections/{source}/callback";

    public static string LabelOf(string source) => source == QuickBooks ? "QuickBooks" : "Procore";

    private static async Task<IResult> ConnectAsync(HttpContext http, Caller caller, string source, string company)
    {
        if (Refused(caller, source) is { } refused)
        {
            return refused;
        }

        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var configured = source == QuickBooks ? services.GetRequiredService<QuickBooksOptions>().Configured : services.GetRequiredService<ProcoreOptions>().Configured;
        var problem = string.IsNullOrWhiteSpace(options.BaseUrl)
            ? "Console:BaseUrl is not set: the console needs its own address to give " + LabelOf(source) + " a redirect URI."
            : !configured ? $"{LabelOf(source)} is not configured: set {LabelOf(source)}:ClientId and {LabelOf(source)}:ClientSecret." : null;
        if (problem is not null)
        {
            return Page("Cannot connect", Notice(problem, error: true) + Back(caller.Tenant), caller, StatusCodes.Status400BadRequest);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var redirect = CallbackUri(options, source);
        var pending = new PendingOAuth(caller.Tenant, caller.User.Id, source, redirect, company.Trim() is { Length: > 0 } c ? c : null,
            now.AddMinutes(options.ConnectMinutes));
        var state = await services.GetRequiredService<OAuthStateStore>().IssueAsync(pending, now, http.RequestAborted);
        var url = source == QuickBooks
            ? services.GetRequiredService<QuickBooksConnections>().AuthorizeUrl(state, redirect)
            : services.GetRequiredService<ProcoreConnections>().AuthorizeUrl(state, redirect);
        return Results.Redirect(url);
    }

    private static async Task<IResult> DisconnectAsync(HttpContext http, Caller caller, string source)
    {
        if (Refused(caller, source) is { } refused)
        {
            return refused;
        }

        var services = http.RequestServices;
        var ct = http.RequestAborted;
        string account;
        try
        {
            account = source == QuickBooks
                ? (await services.GetRequiredService<QuickBooksConnections>().DisconnectAsync(caller.Data, Actor(caller), ct)).RealmId
                : (await services.GetRequiredService<ProcoreConnections>().DisconnectAsync(caller.Data, Actor(caller), ct)).CompanyId;
        }
        catch (Exception ex) when (ex is QuickBooksNotConnectedException or ProcoreNotConnectedException or QuickBooksFaultException or ProcoreOAuthException)
        {
            return Page("Cannot disconnect", Notice(ex.Message, error: true) + Back(caller.Tenant), caller, StatusCodes.Status400BadRequest);
        }

        var message = $"Disconnected {LabelOf(source)} ({account}); the token is revoked.";
        return Results.Redirect($"{Tenant(caller.Tenant)}/admin?msg={Uri.EscapeDataString(message)}");
    }

    /// <summary>The admin acting in the console, as the connection's audit event names them (issue 13).</summary>
    public static ConnectionActor Actor(Caller caller) => new(caller.User.Id, ConnectionAudit.ViaConsole);

    /// <summary>403 for anyone but an admin (issue 17's rule for the admin page), 404 for a system the console does not connect.</summary>
    public static IResult? Refused(Caller caller, string source)
    {
        if (source is not (QuickBooks or Procore))
        {
            return Page("Not found", Notice($"The console connects quickbooks or procore, not '{source}'.", error: true), caller, StatusCodes.Status404NotFound);
        }

        return caller.Actor.Role == Role.Admin
            ? null
            : Page("Refused", Notice($"Only an admin may connect or disconnect {LabelOf(source)}; {caller.User.Id} is {caller.Actor.Role.ToString().ToLowerInvariant()}.", error: true),
                caller, StatusCodes.Status403Forbidden);
    }

    public static string Back(string tenant) => $"<p><a href=\"{Tenant(tenant)}/admin\">Back to admin</a></p>";
}
