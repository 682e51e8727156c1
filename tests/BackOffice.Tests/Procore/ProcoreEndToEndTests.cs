using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using BackOffice.Host.Api;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Findings;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.QuickBooks;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Procore;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14 end to end through the `backoffice` command line and the web host's webhook endpoint: connect a DMSA service
/// account, sync three projects, sweep, then a Procore webhook for a changed subcontract is fetched from Procore (its
/// body is not trusted) and the next sweep sees the new figure. The CLI reads BACKOFFICE_Procore__* environment
/// variables, so this runs in the collection that serialises such tests.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class ProcoreEndToEndTests : IAsyncLifetime
{
    private const string HookSecret = "procore-hook-secret";
    private readonly TempDataDirectory _dir = new();
    private readonly EnvironmentSettings _settings = new("BACKOFFICE_");
    private FakeProcore _fake = null!;
    private CliRunner _cli = null!;
    private List<FakeProcoreProject> _projects = [];

    public async Task InitializeAsync()
    {
        _fake = await FakeProcore.StartAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.SeedCompany(before);
        _projects = Enumerable.Range(1, 3).Select(n => _fake.SeedProject(n, before)).ToList();
        foreach (var (key, value) in ProcoreHarness.Settings(_fake))
        {
            _settings.SetKey(key, value);
        }

        _cli = new CliRunner(_dir.Root);
        await _cli.OkAsync("tenant", "create", "acme");
        await _cli.OkAsync("users", "add", "sam", "--role", "admin");
    }

    [Fact]
    public async Task ConnectSyncSweep_ThenAWebhookForAChangedSubcontract_RefetchesItAndTheFigureUpdates()
    {
        var connected = await _cli.OkAsync("connect", "procore", "--tenant", "acme", "--client-credentials", "--as", "sam");
        Assert.Contains(FakeProcore.CompanyName, connected.Out, StringComparison.Ordinal);
        var listed = (await _cli.OkAsync("connections", "list", "--json")).Json.AsArray().Single()!;
        Assert.Equal(("procore", "connected"), ((string?)listed["system"], (string?)listed["status"]));

        var sync = (await _cli.OkAsync("sync", "--tenant", "acme", "--json")).Json;
        Assert.Equal(("procore", "full"), ((string?)sync["system"], (string?)sync["mode"]));
        var sweep = (await _cli.OkAsync("sweep", "--tenant", "acme", "--agent", "financial", "--json")).Json.AsArray()[0]!["findings"]!.AsArray();
        var subcontract = "pc-cmt-" + _projects[1].Subcontract.ToString(CultureInfo.InvariantCulture);
        // The approved requisition of each project names its synced subcontract as a source of its finding.
        Assert.Contains(sweep, f => f!.ToJsonString().Contains(subcontract, StringComparison.Ordinal));
        // A $50,000.00 line plus the CCO package's $3,500.00 line on 03-300 against a $60,000.00 budget (89%): no variance yet.
        Assert.Null(await VarianceFiguresAsync(1));

        ProcoreSyncTests.ChangeSubcontractLine(_fake, _projects[1], "62000.00");
        await using var web = await StartWebAsync();
        var hook = await PostHookAsync(web, _projects[1]);
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        var sweeps = await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(1, sweeps);
        Assert.Contains(_fake.Requested, r => r.StartsWith($"/rest/v1.0/work_order_contracts/{_projects[1].Subcontract}?", StringComparison.Ordinal));
        // The line fetched again is $62,000.00, with the CCO's $3,500.00 on 03-300, against the $60,000.00 budget: over-committed.
        Assert.Equal(65500.00m, Committed((await VarianceFiguresAsync(1))!));
    }

    [Fact]
    public async Task Disconnect_RevokesTheTokenAndSyncSaysSo()
    {
        await _cli.OkAsync("connect", "procore", "--tenant", "acme", "--client-credentials", "--as", "sam");

        await _cli.OkAsync("disconnect", "procore", "--tenant", "acme", "--as", "sam");

        Assert.True(_fake.Revoked);
        var sync = await _cli.RunAsync("sync", "--tenant", "acme", "--source", "procore");
        Assert.Equal(1, sync.ExitCode);
        Assert.Contains("has no Procore connection", sync.Error, StringComparison.Ordinal);
    }

    private async Task<WebApplication> StartWebAsync()
    {
        var web = BackOfficeWeb.Build(_dir.Data, "http://127.0.0.1:0", b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:Procore:Secret"] = HookSecret,
                ["Webhooks:Procore:Companies:" + FakeProcore.CompanyId] = "acme",
                ["Webhooks:PollSeconds"] = "3600",
                ["Scheduler:PollSeconds"] = "3600",
            });
            b.WebHost.UseTestServer();
        });
        await web.StartAsync();
        return web;
    }

    /// <summary>A v2.0 delivery (webhooks.md); its made-up "amount" must change nothing, since only the names are read.</summary>
    private static async Task<HttpResponseMessage> PostHookAsync(WebApplication web, FakeProcoreProject project)
    {
        var body = $$"""
            {"id":123456789,"ulid":"01JKQ{{project.Subcontract}}","timestamp":"2026-11-27T15:00:00.246562Z","user_id":987654321,
             "company_id":{{FakeProcore.CompanyId}},"project_id":{{project.Id}},"api_version":"v2.0","event_type":"update",
             "resource_name":"Work Order Contracts","resource_id":{{project.Subcontract}},"amount":"1.00"}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/procore") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BackOffice-Secret", HookSecret);
        return await web.GetTestClient().SendAsync(request);
    }

    /// <summary>The figures of the open budget-variance finding on cost code 03-300 of project n (index 1 = the second), if any.</summary>
    private async Task<JsonArray?> VarianceFiguresAsync(int index)
    {
        var tenant = new TenantDataSource(_dir.Data, TimeProvider.System).For("acme");
        var key = $"financial:variance:pc-prj-{_projects[index].Id}:03-300";
        var finding = (await FindingStore.ListOpenAsync(tenant, "financial", CancellationToken.None)).SingleOrDefault(f => f.Id == key);
        return finding is null ? null : JsonNode.Parse(finding.FiguresJson)!.AsArray();
    }

    private static decimal Committed(JsonArray figures) =>
        decimal.Parse((string)figures.Single(f => (string?)f!["name"] == "committed")!["value"]!, CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        _settings.Dispose();

        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
