using System.Security.Cryptography;
using System.Text;
using BackOffice.Host.ApprovalConsole;
using Microsoft.AspNetCore.Builder;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 19: every response says what a browser may do with it. The console has no script and one inline style
/// block, so the Content-Security-Policy allows no script at all and only that style, by its SHA-256 (CSP Level 2,
/// "hash-source"); no page may be framed (frame-ancestors 'none', with X-Frame-Options for older browsers); types
/// are not sniffed; no referrer leaves the site; HTTPS responses ask for HTTPS from then on (HSTS, one year).
/// </summary>
public static class SecurityHeaders
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ConsoleCss.Text)))}'; " +
        "img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        // On starting, not now: the exception handler clears headers set before an error response.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
