using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17: the console's GET pages as its own route table has them (the endpoints it maps with
/// ExcludeFromDescription, which keeps them out of the OpenAPI document), so the accessibility test covers a page
/// added later without being told, and fails while it does not know how to open it.
/// </summary>
public static class ConsoleRoutes
{
    /// <summary>Console GET routes that answer a file, not a page: nothing to check for layout or contrast.</summary>
    public static readonly IReadOnlySet<string> NotPages = new HashSet<string>(StringComparer.Ordinal) { "/t/{tenant}/exports/{file}" };

    /// <summary>Every GET route pattern of the console (sign-in pages, the OAuth callback and each /t/{tenant} page).</summary>
    public static IReadOnlyList<string> GetPatterns(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute>() is not null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/openapi/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
