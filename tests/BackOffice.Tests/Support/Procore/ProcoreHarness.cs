using BackOffice.Host.Composition;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Support.Procore;

/// <summary>A fake Procore, a temp data directory and the product's services pointed at the fake (issue 14).</summary>
public sealed class ProcoreHarness : IAsyncDisposable
{
    private readonly TempDataDirectory _dir = new();
    private IHost? _host;

    public FakeProcore Fake { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public TempDataDirectory Directory => _dir;

    public TenantData Tenant => Services.GetRequiredService<TenantDataSource>().For("acme");

    /// <summary>The admin the harness connects as, from the command line (issue 13: the connection is audited).</summary>
    public static readonly BackOffice.Store.Connectors.ConnectionActor Sam = new("sam", BackOffice.Store.Connectors.ConnectionAudit.ViaCli);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <param name="clock">One clock for the product and the fake (a test that must not depend on real time); the system clock otherwise.</param>
    public static async Task<ProcoreHarness> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var harness = new ProcoreHarness { Fake = await FakeProcore.StartAsync() };
        var builder = BackOfficeServices.CreateBuilder(harness._dir.Data);
        if (clock is not null)
        {
            harness.Fake.Clock = clock;
            builder.Services.AddSingleton(clock);
        }

        var merged = Settings(harness.Fake);
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(merged);
        harness._host = builder.Build();
        await harness.Get<TenantRegistry>().CreateAsync("acme", "test", CancellationToken.None);
        return harness;
    }

    /// <summary>The configuration that points the client at the fake (what `BACKOFFICE_Procore__*` sets in production).</summary>
    public static Dictionary<string, string?> Settings(FakeProcore fake) => new()
    {
        ["Procore:LoginUrl"] = fake.BaseUrl,
        ["Procore:ApiBaseUrl"] = fake.BaseUrl,
        ["Procore:ClientId"] = FakeProcore.ClientId,
        ["Procore:ClientSecret"] = FakeProcore.ClientSecret,
        ["Procore:MaxRateLimitWaitSeconds"] = "5",
    };

    /// <summary>Connects tenant acme as the company's DMSA service account (client credentials).</summary>
    public Task<ProcoreConnection> ConnectServiceAccountAsync() =>
        Get<ProcoreConnections>().ConnectServiceAccountAsync(Tenant, null, Sam, CancellationToken.None);

    /// <summary>Connects tenant acme as a person would: follow the authorize URL, read the redirect, complete.</summary>
    public async Task<ProcoreConnection> ConnectThroughBrowserAsync()
    {
        var connections = Get<ProcoreConnections>();
        const string redirect = "http://127.0.0.1:1/callback";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(connections.AuthorizeUrl("state-1", redirect));
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.Equal("state-1", query["state"]);
        return await connections.CompleteAsync(Tenant, query["code"]!, redirect, null, Sam, CancellationToken.None);
    }

    /// <summary>The company, its vendors and <paramref name="projects"/> projects, keyed in five minutes ago.</summary>
    public List<FakeProcoreProject> Seed(int projects)
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        Fake.SeedCompany(before);
        return Enumerable.Range(1, projects).Select(n => Fake.SeedProject(n, before)).ToList();
    }

    /// <summary>A fake Procore with one seeded project, connected as the service account and synced once.</summary>
    public static async Task<(ProcoreHarness Harness, FakeProcoreProject Project)> SyncedAsync()
    {
        var h = await StartAsync();
        var project = h.Seed(1)[0];
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, CancellationToken.None);
        return (h, project);
    }

    public async ValueTask DisposeAsync()
    {
        _host?.Dispose();
        await Fake.DisposeAsync();
        _dir.Dispose();
    }
}
