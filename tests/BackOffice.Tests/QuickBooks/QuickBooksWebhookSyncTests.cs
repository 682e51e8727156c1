using BackOffice.Host.Api;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Events;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: a QuickBooks webhook in the event inbox is a hint. Before the sweep it calls for, one change-data-capture
/// sync reads what changed; if QuickBooks cannot be read, the events fail with the reason and nothing is swept.
/// (The webhook's signature check is covered by WebhookTests; here the delivery is put in the inbox as it lands.)
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed partial class QuickBooksWebhookSyncTests : IAsyncLifetime
{
    private QuickBooksCliHarness _qbo = null!;

    public async Task InitializeAsync()
    {
        _qbo = await QuickBooksCliHarness.StartAsync();
        QuickBooksHarness.SeedCompanyInto(_qbo.Fake);
        await _qbo.ConnectThroughBrowserAsync();
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
    }

    [Fact]
    public async Task Processor_QuickBooksDelivery_SyncsChangesThenSweepsOnce()
    {
        _qbo.Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 480.00m));
        await using var web = await StartWebAsync();
        await DeliverAsync(web, "Bill", "26");
        await DeliverAsync(web, "Bill", "26-again");

        var sweeps = await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(1, sweeps);
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        Assert.Equal(48000L, await c.ExecuteScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE id = '26'"));
        Assert.Equal(["done", "done"], (await c.QueryAsync<string>("SELECT status FROM event_inbox ORDER BY id")).ToList());
    }

    [Fact]
    public async Task Processor_QuickBooksGrantRevoked_FailsTheEventsAndSweepsNothing()
    {
        _qbo.Fake.RevokeGrant();
        await using var web = await StartWebAsync();
        await DeliverAsync(web, "Bill", "25");

        var sweeps = await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(0, sweeps);
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        var (status, error) = await c.QuerySingleAsync<(string, string)>("SELECT status, error FROM event_inbox");
        Assert.Equal("failed", status);
        Assert.StartsWith("QuickBooks could not be read: QuickBooks for tenant acme needs reconnecting", error, StringComparison.Ordinal);
    }

    private static TenantData Tenant(WebApplication web) => web.Services.GetRequiredService<TenantDataSource>().For("acme");

    private async Task DeliverAsync(WebApplication web, string entity, string eventId) =>
        Assert.True(await web.Services.GetRequiredService<EventInbox>().AddAsync(Tenant(web),
            new InboundEvent("quickbooks", _qbo.Fake.Realm, eventId, entity, "{}"), EventRouting.AgentFor(entity), CancellationToken.None));

    private async Task<WebApplication> StartWebAsync()
    {
        var web = BackOfficeWeb.Build(_qbo.Dir.Data, "http://127.0.0.1:0", b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:PollSeconds"] = "3600",
                ["Scheduler:PollSeconds"] = "3600",
            });
            b.WebHost.UseTestServer();
        });
        await web.StartAsync();
        return web;
    }

    public async Task DisposeAsync() => await _qbo.DisposeAsync();
}
