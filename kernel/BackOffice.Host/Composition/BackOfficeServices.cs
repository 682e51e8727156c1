using BackOffice.Kernel.Telemetry;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Host.Composition;

/// <summary>Composes the product: each layer offers one Add method and the host calls them (STYLE.md, eShop).</summary>
public static class BackOfficeServices
{
    public static HostApplicationBuilder CreateBuilder(DataDirectory data)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables("BACKOFFICE_");
        builder.Logging.ClearProviders();
        // Logs go to stderr so that `--json` output on stdout stays machine-readable.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddBackOfficeStore(data);
        builder.AddBackOfficeKernel();
        builder.AddBackOfficeAgents();
        return builder;
    }

    public static void AddBackOfficeStore(this HostApplicationBuilder builder, DataDirectory data)
    {
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton<TenantRegistry>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<AuditAnchors>();
    }

    public static void AddBackOfficeKernel(this HostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<TelemetrySetup>();
    }

    public static void AddBackOfficeAgents(this HostApplicationBuilder builder)
    {
    }
}
