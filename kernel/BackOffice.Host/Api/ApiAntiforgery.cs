using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 19: an API call that changes state with only the session cookie must also carry the anti-forgery token (header
/// <see cref="HeaderName"/>, from <c>GET /api/antiforgery</c>), so another site cannot make a signed-in browser approve
/// or execute. Calls with an API token are exempt: a browser never adds a bearer token by itself.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static void UseApiAntiforgery(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context))
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing or invalid anti-forgery token",
                    detail: $"A state change with the session cookie needs the {HeaderName} header from GET /api/antiforgery (or use an API token).")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    /// <summary>GET /api/antiforgery: the token for the header, and the cookie it pairs with.</summary>
    public static RouteGroupBuilder MapAntiforgeryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { headerName = HeaderName, token = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .WithTags("Identity").WithSummary("The anti-forgery token a cookie-authenticated state change sends in X-CSRF-TOKEN");
        return api;
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme };
}
