using System.Globalization;
using System.Text;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 19 in the console: the API tokens an admin may see (their id, owner, label, when issued and when they expire,
/// revoked or expired; never the token), each active one with a Revoke button. Revoking goes through
/// <see cref="CredentialStore.RevokeTokenAsync"/>, the same call and the same control-chain event as `tokens revoke`.
/// Admins only (403 for anyone else); an admin of one tenant sees the tokens of that tenant's users only.
/// </summary>
public static class TokensPage
{
    public static RouteGroupBuilder MapTokensPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/admin/tokens", (HttpContext http, string tenant, string? msg, CredentialStore credentials, UserDirectory users, IOptions<ConsoleOptions> options, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, caller => ShowAsync(http, caller, msg, credentials, users, options.Value.ZoneFor(caller.Tenant), clock.GetUtcNow())));
        tenant.MapPost("/admin/tokens/revoke", (HttpContext http, string tenant, IFormCollection form, CredentialStore credentials, UserDirectory users) =>
            ConsolePage.RunAsync(http, tenant, caller => RevokeAsync(http, caller, form, credentials, users)));
        return tenant;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, Caller caller, string? msg, CredentialStore credentials, UserDirectory users, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (Refused(caller) is { } refused)
        {
            return refused;
        }

        var html = new StringBuilder(Notice(msg))
            .Append("<div class=\"scroll\"><table id=\"tokens\"><thead><tr><th>Id</th><th>Owner</th><th>Label</th><th>Issued</th><th>Expires</th><th>State</th><th>Revoke</th></tr></thead><tbody>");
        foreach (var t in await VisibleAsync(caller, credentials, users, http.RequestAborted))
        {
            var expired = now >= DateTimeOffset.Parse(t.ExpiresAt, CultureInfo.InvariantCulture);
            var state = t.RevokedAt is not null ? Badge("revoked " + AccountingText.Timestamp(t.RevokedAt, zone), "revoked")
                : expired ? Badge("expired", "expired") : Badge("active", "active");
            var revoke = t.RevokedAt is null && !expired
                ? $"<form method=\"post\" action=\"{Tenant(caller.Tenant)}/admin/tokens/revoke\">{Token(http)}<input type=\"hidden\" name=\"id\" value=\"{E(t.Id)}\"><button>Revoke</button></form>"
                : "";
            html.Append($"<tr id=\"token-{E(t.Id)}\"><td><code>{E(t.Id)}</code></td><td>{E(t.User)}</td><td>{E(t.Label)}</td>")
                .Append($"<td>{E(AccountingText.Timestamp(t.CreatedAt, zone))}</td><td>{E(AccountingText.Timestamp(t.ExpiresAt, zone))}</td>")
                .Append($"<td>{state}</td><td class=\"actions\">{revoke}</td></tr>");
        }

        html.Append("</tbody></table></div><p><a href=\"").Append(Tenant(caller.Tenant)).Append("/admin\">Back to admin</a></p>");
        return Page("Admin: API tokens", html.ToString(), caller);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, Caller caller, IFormCollection form, CredentialStore credentials, UserDirectory users)
    {
        if (Refused(caller) is { } refused)
        {
            return refused;
        }

        var id = form["id"].ToString();
        // Only a token this admin can see may be revoked here; any other id is the same error as an unknown one.
        if (!(await VisibleAsync(caller, credentials, users, http.RequestAborted)).Any(t => t.Id == id))
        {
            throw new ArgumentException($"No active API token has id '{id}'.", nameof(form));
        }

        var revoked = await credentials.RevokeTokenAsync(id, caller.User.Id, http.RequestAborted);
        var message = $"Revoked token {revoked.Id} ({revoked.User}, {revoked.Label}).";
        return Results.Redirect($"{Tenant(caller.Tenant)}/admin/tokens?msg={Uri.EscapeDataString(message)}");
    }

    private static IResult? Refused(Caller caller) => caller.Actor.Role == Role.Admin
        ? null
        : Page("Refused", Notice($"Only an admin may see and revoke API tokens; {caller.User.Id} is {caller.Actor.Role.ToString().ToLowerInvariant()}.", error: true),
            caller, StatusCodes.Status403Forbidden);

    /// <summary>Every token for an admin of all tenants; for an admin of one tenant, the tokens of that tenant's users.</summary>
    private static async Task<IEnumerable<ApiTokenInfo>> VisibleAsync(Caller caller, CredentialStore credentials, UserDirectory users, CancellationToken ct)
    {
        var tokens = await credentials.ListTokensAsync(ct);
        if (caller.User.Tenant is null)
        {
            return tokens;
        }

        var mine = (await users.ListAsync(ct)).Where(u => u.Tenant == caller.User.Tenant).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        return tokens.Where(t => mine.Contains(t.User));
    }
}
