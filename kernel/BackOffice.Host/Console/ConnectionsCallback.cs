using BackOffice.Host.Auth;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The console's OAuth redirect target, /console/connections/SOURCE/callback (issues 13 and 14). The state is taken
/// (and so spent) first; an unknown, used or expired state, another system's, or another user's is a plain error and
/// nothing is stored. A good one exchanges the code through the connector code the CLI uses (<see cref="QuickBooksConnections"/>,
/// <see cref="ProcoreConnections"/>), which saves the connection encrypted and its audit event in one unit (issue 13), then
/// returns to the admin page.
/// </summary>
public static class ConnectionsCallback
{
    public static IEndpointRouteBuilder MapConnectionsCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/connections/{source}/callback", (HttpContext http, string source) => ReceiveAsync(http, source))
            .AllowAnonymous().WithMetadata(new ExcludeFromDescriptionAttribute());
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string source)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Resume(http);
        }

        var q = http.Request.Query;
        var services = http.RequestServices;
        var pending = q["state"].ToString() is { Length: > 0 } state
            ? await services.GetRequiredService<OAuthStateStore>().TakeAsync(state, http.RequestAborted)
            : null;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var problem = pending is null ? "This sign-in is unknown or was already used"
            : pending.ExpiresAt < now ? "This sign-in expired"
            : pending.Source != source ? $"This sign-in was started for {ConnectionsPages.LabelOf(pending.Source)}, not {source}"
            : null;
        if (problem is not null)
        {
            return Plain($"{problem}: nothing was stored. Start again with the Connect button on the admin page.", http, StatusCodes.Status400BadRequest);
        }

        return await ConsolePage.RunAsync(http, pending!.Tenant, caller => CompleteAsync(http, caller, pending));
    }

    private static async Task<IResult> CompleteAsync(HttpContext http, Caller caller, PendingOAuth pending)
    {
        if (caller.User.Id != pending.UserId)
        {
            return Page("Refused", Notice($"This sign-in was started by {pending.UserId}, not {caller.User.Id}: nothing was stored.", error: true), caller, StatusCodes.Status403Forbidden);
        }

        if (ConnectionsPages.Refused(caller, pending.Source) is { } refused)
        {
            return refused;
        }

        var q = http.Request.Query;
        var label = ConnectionsPages.LabelOf(pending.Source);
        if (q["error"].ToString() is { Length: > 0 } error)
        {
            return Failed(caller, $"{label} refused the connection: {error}. Nothing was stored.");
        }

        var services = http.RequestServices;
        var ct = http.RequestAborted;
        (string Account, string? Company) connected;
        try
        {
            connected = pending.Source == ConnectionsPages.QuickBooks
                ? From(await services.GetRequiredService<QuickBooksConnections>().CompleteAsync(
                    caller.Data, q["code"].ToString(), q["realmId"].ToString(), pending.RedirectUri, ConnectionsPages.Actor(caller), ct))
                : From(await services.GetRequiredService<ProcoreConnections>().CompleteAsync(
                    caller.Data, q["code"].ToString(), pending.RedirectUri, pending.CompanyId, ConnectionsPages.Actor(caller), ct));
        }
        catch (Exception ex) when (ex is QuickBooksResponseException or QuickBooksFaultException or QuickBooksNotConnectedException or QuickBooksConnectException
                                       or ProcoreResponseException or ProcoreOAuthException or ProcoreNotConnectedException or ProcoreApiException)
        {
            return Failed(caller, $"{label} did not connect: {ex.Message}");
        }

        var message = $"Connected {label} company {connected.Company ?? "(unnamed)"} ({connected.Account}).";
        return Results.Redirect($"{Tenant(caller.Tenant)}/admin?msg={Uri.EscapeDataString(message)}");
    }

    private static (string, string?) From(QuickBooksConnection c) => (c.RealmId, c.CompanyName);

    private static (string, string?) From(ProcoreConnection c) => (c.CompanyId, c.CompanyName);

    private static IResult Failed(Caller caller, string message) =>
        Page("Not connected", Notice(message, error: true) + ConnectionsPages.Back(caller.Tenant), caller, StatusCodes.Status400BadRequest);

    private static IResult Plain(string message, HttpContext http, int status) =>
        Page("Not connected", Notice(message, error: true) + "<p><a href=\"/\">Back</a></p>", http.User.Identity?.Name, null, status);

    /// <summary>
    /// The session cookie is SameSite=Strict, so the browser leaves it off the provider's cross-site redirect. A page of
    /// ours that reloads the same address makes the request same-site, and the cookie comes along; if it still does not,
    /// the person signs in and comes back here (the state waits its minutes).
    /// </summary>
    private static IResult Resume(HttpContext http)
    {
        var query = http.Request.Query;
        if (query["resume"] == "1")
        {
            return Results.Challenge();
        }

        var again = http.Request.Path + http.Request.QueryString.Add("resume", "1").ToUriComponent();
        return Page("Finishing the connection",
            $"<meta http-equiv=\"refresh\" content=\"0;url={E(again)}\"><p><a id=\"resume\" href=\"{E(again)}\">Continue</a></p>");
    }
}
