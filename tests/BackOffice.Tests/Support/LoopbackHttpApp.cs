using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a port the kernel picks (port 0), answering every request with one handler: the
/// base of the loopback fakes that speak plain HTTP/1.1. It replaces HttpListener, whose managed Linux implementation
/// binds the port again while it closes (Stop then Close), so a port another test had just taken failed a passing test
/// with "Address already in use" (CI, 2026-11-28); choosing the port by probing a TcpListener first raced the same way.
/// </summary>
public sealed class LoopbackHttpApp : IDisposable
{
    private readonly WebApplication _app;

    public LoopbackHttpApp(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        // A scripted slow reply must not hold the test's Dispose for Kestrel's default 30 s graceful stop.
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        _app = builder.Build();
        _app.Run(handler);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
