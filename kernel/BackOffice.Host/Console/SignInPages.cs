using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>Sign in, sign out, the landing redirect and the first-admin setup link (issue 9).</summary>
public static class SignInPages
{
    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("");
        pages.WithMetadata(new ExcludeFromDescriptionAttribute());
        pages.MapGet("/", HomeAsync).RequireAuthorization();
        pages.MapGet("/login", (HttpContext http, string? error) => LoginForm(http, error));
        pages.MapPost("/login", LoginAsync);
        pages.MapPost("/logout", LogoutAsync);
        pages.MapGet("/setup", (HttpContext http, string? token) => SetupForm(http, token ?? "", null));
        pages.MapPost("/setup", SetupAsync);
        return app;
    }

    private static async Task<IResult> HomeAsync(HttpContext http, CallerResolver callers, CancellationToken ct)
    {
        var user = await callers.UserAsync(http.User, ct);
        var tenants = await callers.VisibleTenantsAsync(user, ct);
        return tenants.Count == 0
            ? Html.Page("No tenant", "<p>There is no tenant yet: run <code>backoffice demo</code> or <code>backoffice tenant create</code>.</p>", user.Id)
            : Results.Redirect(Html.Tenant(tenants[0]) + "/inbox");
    }

    private static IResult LoginForm(HttpContext http, string? error, int status = StatusCodes.Status200OK) =>
        Html.Page("Sign in", Html.Notice(error, error: true) + $"""
            <form method="post" action="/login" class="stack card">{Html.Token(http)}
            <label>User <input name="username" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button class="primary" type="submit">Sign in</button></form>
            """, status: status);

    private static async Task<IResult> LoginAsync(
        HttpContext http, [FromForm] string username, [FromForm] string password, CredentialStore credentials, SignInThrottle throttle,
        CancellationToken ct)
    {
        var address = ClientAddresses.Of(http);
        if (await throttle.WaitForAsync(username, address, ct) is { } wait && wait > TimeSpan.Zero)
        {
            // Issue 19: refused before the password is checked, so guessing costs the guesser time, not the server.
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LoginForm(http, $"Too many failed sign-ins; try again in {seconds} s.", StatusCodes.Status429TooManyRequests);
        }

        var user = await credentials.LoginAsync(username, password, "console", ct);
        var stamp = user is null ? null : await credentials.SecurityStampAsync(user.Id, ct);
        if (user is null || stamp is null)
        {
            await throttle.FailedAsync(username, address, ct);
            return LoginForm(http, "Wrong user or password.", StatusCodes.Status401Unauthorized);
        }

        await throttle.SucceededAsync(username, ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(user.Id, stamp));
        return Results.Redirect("/");
    }

    /// <summary>
    /// Issue 19: signing out ends every session of the user (the stamp changes), not only this browser's cookie. Only the
    /// console's own sign-out form may do it (a POST with its anti-forgery token): another site cannot sign a person out.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, CredentialStore credentials, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Html.Page("Not signed out", Html.Notice(
                "Sign out with the console's Sign out button: this request did not carry the form's anti-forgery token.", error: true),
                status: StatusCodes.Status400BadRequest);
        }

        if (http.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            await credentials.RevokeSessionsAsync(user, user, "signed out", ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }

    private static IResult SetupForm(HttpContext http, string token, string? error) =>
        Html.Page("Set the first admin", Html.Notice(error, error: true) + $"""
            <form method="post" action="/setup" class="stack card">{Html.Token(http)}
            <input type="hidden" name="token" value="{Html.E(token)}">
            <label>Admin user name <input name="username" required></label>
            <label>Password (8 or more characters) <input name="password" type="password" minlength="8" required></label>
            <button class="primary" type="submit">Create admin</button></form>
            """);

    private static async Task<IResult> SetupAsync(
        HttpContext http, [FromForm] string token, [FromForm] string username, [FromForm] string password, SetupLinks links, CancellationToken ct)
    {
        try
        {
            if (!await links.CompleteAsync(token, username, password, ct))
            {
                return Html.Page("Setup link not valid", Html.Notice("This setup link was already used, has expired or never existed.", error: true),
                    status: StatusCodes.Status404NotFound);
            }
        }
        catch (ArgumentException ex)
        {
            return SetupForm(http, token, ex.Message);
        }

        return Results.Redirect("/login");
    }
}
