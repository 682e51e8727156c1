using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using BackOffice.Store.Control;

namespace BackOffice.Host.Auth;

/// <summary>
/// Cookie sign-in for the console and bearer API tokens for scripts, behind one policy scheme (issue 9). The session
/// cookie is HttpOnly, Secure and SameSite=Strict, the anti-forgery cookie too (Secure when the request is HTTPS); the API answers 401/403 instead of redirecting.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "BackOffice";

    public static void AddBackOfficeAuth(this IHostApplicationBuilder builder)
    {
        var hours = builder.Configuration.GetValue($"{AuthOptions.SectionName}:SessionHours", 8);
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "backoffice.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(hours);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateStampAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.AddClientAddresses();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "backoffice.af";
            o.Cookie.HttpOnly = true;
            // Antiforgery refuses to work at all over plain HTTP with Always, and `serve` listens on http://127.0.0.1 by
            // default; so this cookie is Secure whenever the request is (any non-loopback deployment must be HTTPS).
            // The session cookie stays Secure always: browsers accept Secure cookies from http://localhost.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Issue 19: cookie-authenticated API calls send the token in this header (Api/ApiAntiforgery.cs).
            o.HeaderName = BackOffice.Host.Api.ApiAntiforgery.HeaderName;
        });
    }

    /// <summary>The claim that carries the security stamp a session was signed in with (issue 19).</summary>
    public const string StampClaim = "backoffice:stamp";

    public static ClaimsPrincipal PrincipalFor(string user, string stamp) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(StampClaim, stamp)], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>
    /// Issue 19: on every request, a session whose stamp is no longer the user's (signed out, password changed) is
    /// refused and its cookie removed: a copied cookie stops working as soon as its owner signs out.
    /// </summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext ctx)
    {
        var user = ctx.Principal?.Identity?.Name;
        var stamp = ctx.Principal?.FindFirst(StampClaim)?.Value;
        var credentials = ctx.HttpContext.RequestServices.GetRequiredService<CredentialStore>();
        var current = user is null ? null : await credentials.SecurityStampAsync(user, ctx.HttpContext.RequestAborted);
        if (stamp is null || current is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(stamp), System.Text.Encoding.UTF8.GetBytes(current)))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
