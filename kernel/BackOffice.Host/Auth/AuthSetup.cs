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
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "backoffice.af";
            o.Cookie.HttpOnly = true;
            // Antiforgery refuses to work at all over plain HTTP with Always, and `serve` listens on http://127.0.0.1 by
            // default; so this cookie is Secure whenever the request is (any non-loopback deployment must be HTTPS).
            // The session cookie stays Secure always: browsers accept Secure cookies from http://localhost.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static ClaimsPrincipal PrincipalFor(string user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme));

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
