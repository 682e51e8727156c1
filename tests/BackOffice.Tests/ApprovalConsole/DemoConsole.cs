using System.Net.Http.Headers;
using BackOffice.Store.Control;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the console as `serve` builds it (on a TestServer) over `backoffice demo` (books as of 2026-11-15), with
/// a client signed in as dana (finance lead) by an API token, for tests that read report pages of the sample.
/// </summary>
public sealed class DemoConsole : IAsyncLifetime
{
    private readonly TempDataDirectory _temp = new();
    private WebApplication? _app;

    public CliRunner Cli { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cli = new CliRunner(_temp.Root);
        await Cli.OkAsync("demo");
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", null, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        var token = await _app.Services.GetRequiredService<CredentialStore>().IssueTokenAsync("dana", "test", "dana", CancellationToken.None);
        Client = _app.GetTestClient();
        Client.BaseAddress = new Uri("https://localhost");
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }
}
