using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Tests.Browser;

/// <summary>The console as `serve` builds it on a loopback port, seeded as <see cref="ConsoleFactory"/> seeds it, and Chromium pointed at it.</summary>
public sealed class ConsoleBrowserHost : IAsyncDisposable
{
    private ConsoleBrowserHost(TempDataDirectory temp, WebApplication app, BrowserSession session) => (Temp, App, Session) = (temp, app, session);

    public TempDataDirectory Temp { get; }

    public WebApplication App { get; }

    public BrowserSession Session { get; }

    /// <param name="seed">More seeding after <see cref="ConsoleFactory.SeedAsync"/>, before the browser starts.</param>
    /// <param name="settings">
    /// More configuration, given the console's address as the browser reaches it (issue 13: Console:BaseUrl, which the
    /// Connect buttons send the provider as redirect URI, must be known before the host starts, so the port is picked first).
    /// </param>
    public static async Task<ConsoleBrowserHost> StartAsync(
        IReport? extraReport = null, Func<TempDataDirectory, Task>? seed = null, Func<string, IReadOnlyDictionary<string, string?>>? settings = null)
    {
        var temp = new TempDataDirectory();
        var port = settings is null ? 0 : EnvironmentSettings.FreePort();
        var app = ConsoleFactory.Build(temp, $"http://127.0.0.1:{port}", extraReport, b =>
        {
            if (settings is not null)
            {
                b.Configuration.AddInMemoryCollection(settings($"http://localhost:{port}"));
            }
        });
        await app.StartAsync();
        await ConsoleFactory.SeedAsync(app.Services, temp);
        if (seed is not null)
        {
            await seed(temp);
        }

        var session = await BrowserSession.StartAsync(app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        return new ConsoleBrowserHost(temp, app, session);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await App.DisposeAsync();
        Temp.Dispose();
    }
}
