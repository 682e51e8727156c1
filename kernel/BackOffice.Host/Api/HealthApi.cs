using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>`/health`: anonymous; answers 200 when the control database opens, 503 otherwise (fail closed, DESIGN.md rule 7).</summary>
public static class HealthApi
{
    public sealed record Health(string Status, string Time);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<Health>, ProblemHttpResult>> CheckAsync(TenantDataSource tenants, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await using var control = await tenants.ReadControlAsync(ct);
            return TypedResults.Ok(new Health("ok", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (System.Data.Common.DbException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Control database unavailable");
        }
    }
}
