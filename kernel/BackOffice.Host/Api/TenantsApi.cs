using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>`/api/me`, `/api/tenants`, `/api/tokens` and `/api/users/{name}/password` (issue 9).</summary>
public static class TenantsApi
{
    /// <summary>Issue 19: <paramref name="Days"/> is the token's lifetime (Auth:ApiTokenDays when absent, at most Auth:ApiTokenMaxDays).</summary>
    public sealed record TokenRequest(string Label, int? Days = null);

    public sealed record PasswordRequest(string Password);

    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeAsync).WithTags("Identity");
        api.MapGet("/tenants", TenantsAsync).WithTags("Tenants").WithSummary("Tenants the caller may see");
        api.MapPost("/tokens", IssueTokenAsync).WithTags("Identity").WithSummary("Issue an API token for the caller (shown once, stored hashed; expires after `days`)");
        api.MapPut("/users/{name}/password", SetPasswordAsync).WithTags("Identity").WithSummary("Set a user's console password (admin)");
        return api;
    }

    private static async Task<Ok<JsonObject>> MeAsync(HttpContext http, CallerResolver callers, CancellationToken ct)
    {
        var user = await callers.UserAsync(http.User, ct);
        return TypedResults.Ok(new JsonObject { ["id"] = user.Id, ["role"] = user.Role, ["department"] = user.Department, ["tenant"] = user.Tenant });
    }

    private static async Task<Ok<JsonArray>> TenantsAsync(HttpContext http, CallerResolver callers, CancellationToken ct)
    {
        var user = await callers.UserAsync(http.User, ct);
        var tenants = await callers.VisibleTenantsAsync(user, ct);
        return TypedResults.Ok(new JsonArray(tenants.Select(t => (JsonNode)new JsonObject { ["id"] = t }).ToArray()));
    }

    private static async Task<Ok<JsonObject>> IssueTokenAsync(HttpContext http, TokenRequest body, CallerResolver callers, CredentialStore credentials, CancellationToken ct)
    {
        var user = await callers.UserAsync(http.User, ct);
        var issued = await credentials.IssueTokenAsync(user.Id, body.Label, user.Id, body.Days, ct);
        return TypedResults.Ok(new JsonObject
        {
            ["id"] = issued.Id, ["label"] = body.Label, ["token"] = issued.Token, ["expires"] = issued.ExpiresAt,
        });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPasswordAsync(
        HttpContext http, string name, PasswordRequest body, CallerResolver callers, UserDirectory users, CredentialStore credentials, CancellationToken ct)
    {
        var user = await callers.UserAsync(http.User, ct);
        var target = await users.FindAsync(name, ct);
        // Users of one tenant are invisible to another tenant's admin: the same 404 as for an unknown user.
        var sameScope = target is not null && (user.Tenant is null || user.Tenant == target.Tenant);
        if (CallerResolver.ToActor(user).Role != Role.Admin || !sameScope)
        {
            return TypedResults.Problem(sameScope ? "Only an admin sets passwords." : "Not found.",
                statusCode: sameScope ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        }

        await credentials.SetPasswordAsync(name, body.Password, user.Id, ct);
        return TypedResults.NoContent();
    }
}
