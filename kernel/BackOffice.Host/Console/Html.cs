using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Server-rendered HTML (issue 9): every value is encoded here, the stylesheet is inline (no CDN, works offline) and
/// every form carries the anti-forgery token.
/// </summary>
public static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    public static string Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A page for a signed-in person: the Admin menu only for an admin (issue 17), the name and role always visible.</summary>
    public static IResult Page(string title, string body, Host.Auth.Caller caller, int status = StatusCodes.Status200OK) =>
        Page(title, body, $"{caller.User.Id} ({caller.Actor.Role.ToString().ToLowerInvariant()})", caller.Tenant, status,
            caller.Actor.Role == Kernel.Abstractions.Identity.Role.Admin, ImportPages.MayImport(caller.Actor));

    public static IResult Page(
        string title, string body, string? user = null, string? tenant = null, int status = StatusCodes.Status200OK, bool admin = false, bool importer = false)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>").Append(E(title)).Append(" - Back office</title><style>").Append(ConsoleCss.Text).Append("</style></head><body>");
        html.Append("<header><strong class=\"brand\">Back office</strong>");
        if (tenant is not null)
        {
            var t = "/t/" + Uri.EscapeDataString(tenant);
            html.Append($"<nav><a href=\"{t}/dashboard\">Dashboard</a><a href=\"{t}/inbox\">Inbox</a><a href=\"{t}/findings\">Findings</a><a href=\"{t}/reports\">Worklists</a>")
                .Append($"<a href=\"{t}/jobs\">WIP &amp; margin</a>{(importer ? $"<a href=\"{t}/import\">Import</a>" : "")}")
                .Append($"{(admin ? $"<a href=\"{t}/admin\">Admin</a>" : "")}<a href=\"{t}/audit\">Audit</a></nav>")
                .Append($"<span class=\"tenant\">tenant {E(tenant)}</span>");
        }

        if (user is not null)
        {
            html.Append($"<form method=\"post\" action=\"/logout\" class=\"logout\">{SignOutToken}<span class=\"who\">{E(user)}</span><button>Sign out</button></form>");
        }

        html.Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return new PageResult(html.ToString(), status);
    }

    /// <summary>Where the sign-out form's anti-forgery field goes; every value is encoded, so no data can contain it.</summary>
    private const string SignOutToken = "<!--sign-out-token-->";

    /// <summary>
    /// Issue 19: sign-out is a POST with the anti-forgery token like every other form. The token needs the request, which
    /// <see cref="Page(string, string, string?, string?, int, bool, bool)"/> does not have, so it is filled in when the page is written.
    /// </summary>
    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var marker = html.IndexOf(SignOutToken, StringComparison.Ordinal);
            var page = marker < 0 ? html : string.Concat(html.AsSpan(0, marker), Token(httpContext), html.AsSpan(marker + SignOutToken.Length));
            return TypedResults.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(httpContext);
        }
    }

    public static string Badge(string text, string kind) => $"<span class=\"badge {E(kind)}\">{E(text)}</span>";

    public static string Notice(string? message, bool error = false) =>
        string.IsNullOrEmpty(message) ? "" : $"<p class=\"notice{(error ? " error" : "")}\" role=\"status\">{E(message)}</p>";

    public static string Tenant(string tenant) => "/t/" + Uri.EscapeDataString(tenant);
}
