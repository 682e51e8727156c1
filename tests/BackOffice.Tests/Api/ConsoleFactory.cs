using System.Net.Http.Headers;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Api;

/// <summary>
/// The real web host (`BackOfficeWeb.Build`, as `serve` builds it) on a TestServer, over a fresh data folder with two
/// tenants: acme (one money proposal from the Financial agent) and beta. People: dana (finance lead), alex (approver),
/// vic (viewer), sam (admin), all of acme; bea (lead of beta). Every password is "password-1".
/// </summary>
public sealed class ConsoleFactory : WebApplicationFactory<ApiExceptionHandler>
{
    public const string Password = "password-1";

    private readonly TempDataDirectory _temp = new();

    public ConsoleFactory(IReport? extraReport = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ExtraReport = extraReport;
        ExtraSettings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>Settings on top of <see cref="Settings"/> (issue 19: amount limits, proxies).</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; }

    public IReport? ExtraReport { get; }

    public WebApplication App { get; private set; } = null!;

    public string Root => _temp.Root;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public BackOffice.Store.Tenancy.TenantData TenantPath(string tenant) => _temp.Tenant(tenant);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Auth:Pbkdf2Iterations"] = "1000",
        ["Webhooks:QuickBooks:VerifierToken"] = "qbo-verifier-token",
        ["Webhooks:QuickBooks:Realms:9130355"] = "acme",
        ["Webhooks:QuickBooks:Realms:4620816"] = "beta",
        ["Webhooks:Procore:Secret"] = "procore-hook-secret",
        ["Webhooks:Procore:Companies:562949"] = "acme",
        ["Webhooks:PollSeconds"] = "3600",
        ["Scheduler:PollSeconds"] = "3600",
        // Issue 17: no background warming in tests (they count the cache's misses); ReportCacheTests call WarmAsync.
        ["Console:WarmSeconds"] = "0",
    };

    protected override IHostBuilder CreateHostBuilder() => new HostBuilder();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        App = Build(_temp, "http://127.0.0.1:0", ExtraReport, b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration.AddInMemoryCollection(ExtraSettings);
        });
        App.StartAsync().GetAwaiter().GetResult();
        SeedAsync(App.Services, _temp).GetAwaiter().GetResult();
        return App;
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>A client authenticated with a freshly issued API token of <paramref name="user"/>.</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var token = await Get<CredentialStore>().IssueTokenAsync(user, "test", user, CancellationToken.None);
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }

    /// <summary>The app as `serve` builds it, with the test settings; shared with the browser tests (which use Kestrel).</summary>
    public static WebApplication Build(TempDataDirectory temp, string urls, IReport? extraReport, Action<WebApplicationBuilder>? more = null) =>
        BackOfficeWeb.Build(temp.Data, urls, b =>
        {
            b.Configuration.AddInMemoryCollection(Settings);
            if (extraReport is not null)
            {
                b.Services.AddSingleton(extraReport);
            }

            more?.Invoke(b);
        });

    public static async Task SeedAsync(IServiceProvider services, TempDataDirectory temp)
    {
        var ct = CancellationToken.None;
        var tenants = services.GetRequiredService<TenantRegistry>();
        await tenants.CreateAsync("acme", "test", ct);
        await tenants.CreateAsync("beta", "test", ct);
        var users = services.GetRequiredService<UserDirectory>();
        var credentials = services.GetRequiredService<CredentialStore>();
        foreach (var (name, role, department, tenant) in new[]
                 {
                     ("dana", "lead", "finance", "acme"), ("alex", "approver", null, "acme"), ("vic", "viewer", null, "acme"),
                     ("sam", "admin", null, "acme"), ("bea", "lead", "finance", "beta"),
                 })
        {
            await users.AddAsync(name, role, department, tenant, "test", ct);
            await credentials.SetPasswordAsync(name, Password, "test", ct);
        }

        await TenantSeed.BaseAsync(temp.Tenant("acme"));
        await TenantSeed.SubInvoiceAsync(temp.Tenant("acme"), "si-1", "RP-007", "approved", 1_840_000, 184_000);
        await services.GetRequiredService<SweepRunner>().RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "test", 1, new Progress<string>(), ct);
    }
}
