using BackOffice.Store.Connectors.Procore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Composition;

/// <summary>The Procore connector (issue 14): options, the client, connections and sync. Token protection is the QuickBooks connector's, shared.</summary>
public static class ProcoreServices
{
    public static void AddBackOfficeProcore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProcoreOptions>().Bind(builder.Configuration.GetSection(ProcoreOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "Procore options are not valid (URLs absolute, PerPage 1-2000, waits and retries not negative)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcoreOptions>>().Value);
        builder.Services.AddKeyedSingleton(ProcoreOptions.SectionName, (_, _) => new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
        builder.Services.AddSingleton(sp => new ProcoreOAuth(Http(sp), sp.GetRequiredService<ProcoreOptions>()));
        builder.Services.AddSingleton<ProcoreTokens>();
        builder.Services.AddSingleton(sp => new ProcoreApi(Http(sp), sp.GetRequiredService<ProcoreOptions>(),
            sp.GetRequiredService<ProcoreTokens>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ProcoreApi>>()));
        builder.Services.AddSingleton<ProcoreConnections>();
        builder.Services.AddSingleton<ProcoreSync>();
        builder.Services.AddSingleton<ProcoreHints>();
    }

    private static HttpClient Http(IServiceProvider services) => services.GetRequiredKeyedService<HttpClient>(ProcoreOptions.SectionName);
}
