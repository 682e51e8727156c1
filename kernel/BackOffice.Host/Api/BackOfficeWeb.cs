using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using BackOffice.Host.Composition;
using BackOffice.Host.ApprovalConsole;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Host.Api;

/// <summary>
/// The web host of `backoffice serve` (issue 9): the same composition as the CLI (store, kernel, agents, so the
/// scheduler runs too) plus the HTTP API, the console and the webhooks. Bound to 127.0.0.1 unless told otherwise.
/// </summary>
public static class BackOfficeWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(DataDirectory data, string urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables("BACKOFFICE_");
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseUrls(urls);
        builder.AddBackOffice(data);
        builder.AddBackOfficeWeb();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapBackOfficeWeb();
        return app;
    }

    public static void AddBackOfficeWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton<ProposalActions>();
        builder.Services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        // Issue 17: the approvers' daily digest, queued in the outbox by `serve` at each tenant's local time.
        builder.Services.AddOptions<Digest.DigestOptions>().Bind(builder.Configuration.GetSection(Digest.DigestOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Digest.DigestScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Digest.DigestScheduler>());
        builder.Services.AddHostedService<ReportWarmer>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddBackOfficeAuth();
        builder.AddBackOfficeWebhooks();
    }

    public static void MapBackOfficeWeb(this WebApplication app)
    {
        app.UseClientAddresses();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseApiAntiforgery();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthApi();
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapTenantsApi();
        api.MapAntiforgeryApi();
        api.MapGroup("/tenants/{tenant}").MapProposalsApi().MapReportsApi().MapAgentsApi().MapAuditApi();
        app.MapConsole();
        app.MapWebhooks();
    }
}
