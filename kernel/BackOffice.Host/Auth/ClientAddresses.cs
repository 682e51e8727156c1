using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Auth;

/// <summary>`Proxy` in appsettings.json (issue 19): the reverse proxies whose X-Forwarded-For is believed.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of known proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of known proxies in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public bool IsValid => KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

/// <summary>
/// Issue 19: which address a request comes from, for the sign-in throttle. Only when the direct peer is a configured
/// known proxy is the address it appended to X-Forwarded-For taken (ASP.NET Core's ForwardedHeaders middleware, the
/// right-most entry, one hop); otherwise the direct peer, whatever the request claims. With no proxy configured the
/// middleware is not installed at all: none of ASP.NET Core's default loopback proxies is trusted either.
/// </summary>
public static class ClientAddresses
{
    public static void AddClientAddresses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().Bind(builder.Configuration.GetSection(ProxyOptions.SectionName))
            .Validate(o => o.IsValid, "Proxy: KnownProxies are IP addresses, KnownNetworks are CIDR networks (10.0.0.0/24)")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>Runs first, so everything after it sees the trusted client address.</summary>
    public static void UseClientAddresses(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>The address the throttle keys on: the trusted client address, or "unknown" when the server has none.</summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";
}
