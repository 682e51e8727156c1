using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using BackOffice.Store.Events;

namespace BackOffice.Host.Webhooks;

/// <summary>
/// Events in (issue 9): QuickBooks Online, Procore and a generic authenticated endpoint put events into the tenant's
/// durable inbox; <see cref="EventInboxProcessor"/> turns them into sweeps. A bad signature is 401 and stores nothing.
/// </summary>
public static class WebhookEndpoints
{
    public sealed record Receipt(int Stored, int Duplicates, int Unrouted);

    public sealed record GenericEvent(string Id, string Entity, string? Agent);

    public static void AddBackOfficeWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.PollSeconds > 0, "Webhooks:PollSeconds must be positive").ValidateOnStart();
        builder.Services.AddSingleton<EventInbox>();
        builder.Services.AddSingleton<Router>();
        builder.Services.AddSingleton<QuickBooksEventFetch>();
        builder.Services.AddSingleton<EventInboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventInboxProcessor>());
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").WithTags("Webhooks").DisableAntiforgery();
        hooks.MapPost("/quickbooks", QuickBooksAsync).AllowAnonymous();
        hooks.MapPost("/procore", ProcoreAsync).AllowAnonymous();
        hooks.MapPost("/generic/{tenant}", GenericAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<Receipt>, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> QuickBooksAsync(
        HttpRequest request, IOptions<WebhookOptions> options, Router router, CancellationToken ct)
    {
        // Issue 19: the size bound comes before the signature, and the signature is checked on at most that many bytes.
        var body = await Api.RequestBodyLimit.ReadBoundedAsync(request, ct);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!QuickBooksWebhook.SignatureValid(body, request.Headers[QuickBooksWebhook.SignatureHeader], options.Value.QuickBooks.VerifierToken))
        {
            return TypedResults.Unauthorized();
        }

        IReadOnlyList<InboundEvent> events;
        try
        {
            events = QuickBooksWebhook.Parse(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return TypedResults.BadRequest(ex.Message);
        }

        return TypedResults.Ok(await router.StoreAsync(events, options.Value.QuickBooks.Realms, ct));
    }

    private static async Task<Results<Ok<Receipt>, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> ProcoreAsync(
        HttpRequest request, IOptions<WebhookOptions> options, Router router, CancellationToken ct)
    {
        var procore = options.Value.Procore;
        if (!ProcoreWebhook.SecretValid(request.Headers[procore.SecretHeader].FirstOrDefault(), procore.Secret))
        {
            return TypedResults.Unauthorized();
        }

        var body = await Api.RequestBodyLimit.ReadBoundedAsync(request, ct);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var e = ProcoreWebhook.Parse(body);
            return TypedResults.Ok(await router.StoreAsync([e], procore.Companies, ct));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return TypedResults.BadRequest(ex.Message);
        }
    }

    /// <summary>For Buildertrend-side automations and scripts: an API token of a user who may see the tenant.</summary>
    private static async Task<Ok<Receipt>> GenericAsync(
        HttpContext http, string tenant, GenericEvent body, CallerResolver callers, Router router, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var e = new InboundEvent("generic", tenant, body.Id, body.Entity, JsonSerializer.Serialize(body));
        return TypedResults.Ok(await router.StoreAsync([e], new Dictionary<string, string> { [tenant] = caller.Tenant }, ct, body.Agent));
    }

    /// <summary>Routes events to tenants by company id and stores them; events of unknown companies are counted, not stored.</summary>
    public sealed class Router(TenantRegistry tenants, TenantDataSource data, EventInbox inbox, SweepRunner runner, TimeProvider clock)
    {
        public async Task<Receipt> StoreAsync(IEnumerable<InboundEvent> events, IReadOnlyDictionary<string, string> companies, CancellationToken ct, string? agent = null)
        {
            int stored = 0, duplicates = 0, unrouted = 0;
            var known = runner.Agents.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var e in events)
            {
                if (!companies.TryGetValue(e.CompanyId, out var tenant) || !await tenants.ExistsAsync(tenant, ct))
                {
                    unrouted++;
                    continue;
                }

                var target = agent ?? EventRouting.AgentFor(e.Entity);
                var routed = target is not null && known.Contains(target);
                var added = await inbox.AddAsync(data.For(tenant), e, routed ? target : null, ct);
                if (added && e.Source == "quickbooks")
                {
                    // Issue 13: each operation of a verified webhook is logged as received; the processor records what it did.
                    await data.For(tenant).QuickBooksWebhookEvents.RecordAsync(QuickBooksEventFetch.Received(e, routed, clock.GetUtcNow()), ct);
                }

                stored += added ? 1 : 0;
                duplicates += added ? 0 : 1;
            }

            return new Receipt(stored, duplicates, unrouted);
        }
    }
}
