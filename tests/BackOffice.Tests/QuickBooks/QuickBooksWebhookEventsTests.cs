using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: every operation a verified QuickBooks webhook names is logged with what the sync did with it, and
/// `backoffice report quickbooks-events` lists them newest first. Deliveries are the legacy eventNotifications shape of
/// Intuit's webhooks page and its .NET SDK (WebhooksEvent.cs, Entity.cs), signed as Intuit signs them (qbo.md section 9).
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class QuickBooksWebhookEventsTests : IAsyncLifetime
{
    private const string Verifier = "qbo-events-verifier";
    private QuickBooksCliHarness _qbo = null!;

    private FakeQuickBooks Fake => _qbo.Fake;

    public async Task InitializeAsync()
    {
        _qbo = await QuickBooksCliHarness.StartAsync();
        QuickBooksHarness.SeedCompanyInto(Fake);
        await _qbo.ConnectThroughBrowserAsync();
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
    }

    [Fact]
    public async Task Processor_TwoWebhooks_LogsEachOperationWithWhatTheSyncDid()
    {
        Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 480.00m));
        Fake.Remove("Bill", "25");
        await using var web = await StartWebAsync();
        var now = DateTimeOffset.UtcNow;
        // Vendor 46 was synced as last updated five minutes ago; a notification of an hour ago is a late one.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(web, Legacy(("Bill", "26", "Create", now), ("Vendor", "46", "Update", now.AddHours(-1)))));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(web, Legacy(("Bill", "25", "Delete", now), ("Estimate", "5", "Create", now))));
        Assert.All(await EventsAsync(web), e => Assert.True(e.Outcome is "pending" or "skipped", e.Outcome));

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var byEntity = (await EventsAsync(web)).ToDictionary(e => $"{e.Entity} {e.EntityId} {e.Operation}", e => (e.Outcome, e.Detail));
        Assert.Equal(("fetched", "read, added"), byEntity["Bill 26 Create"]);
        Assert.Equal("skipped", byEntity["Vendor 46 Update"].Outcome);
        Assert.StartsWith("older than the local copy", byEntity["Vendor 46 Update"].Detail, StringComparison.Ordinal);
        Assert.Equal(("deleted", "deleted locally"), byEntity["Bill 25 Delete"]);
        Assert.Equal("skipped", byEntity["Estimate 5 Create"].Outcome);
        Assert.All(await EventsAsync(web), e => Assert.Equal(Fake.Realm, e.RealmId));
    }

    /// <summary>
    /// Issue 16: a Term webhook is followed: the term is read by id and applied, re-dating the invoices it dated (Net 30
    /// from 2026-10-01 is 2026-10-31, Net 60 is 2026-11-30), and the operation is logged fetched, not skipped.
    /// </summary>
    [Fact]
    public async Task Processor_TermWebhook_FetchesTheTermAndReDatesTheInvoicesItDated()
    {
        Fake.Add("Term", new JsonObject { ["Id"] = "3", ["Name"] = "Net 30", ["Type"] = "STANDARD", ["DueDays"] = 30, ["Active"] = true });
        Fake.Add("Invoice", new JsonObject
        {
            ["Id"] = "131", ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["DocNumber"] = "1002", ["TxnDate"] = "2026-10-01", ["TotalAmt"] = 2000.00m,
            ["SalesTermRef"] = new JsonObject { ["value"] = "3" }, ["Line"] = new JsonArray(),
        });
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
        Fake.Touch("Term", "3", t => t["DueDays"] = 60);
        await using var web = await StartWebAsync();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(web, Legacy(("Term", "3", "Update", DateTimeOffset.UtcNow))));
        Assert.Equal("pending", Assert.Single(await EventsAsync(web)).Outcome);

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var logged = Assert.Single(await EventsAsync(web));
        Assert.Equal(("Term", "fetched", "read, changed"), (logged.Entity, logged.Outcome, logged.Detail));
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        Assert.Equal("2026-11-30", await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_invoices WHERE id = '131'"));
        // Invoice 130 states its own DueDate: the term does not move it.
        Assert.Equal("2026-10-31", await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_invoices WHERE id = '130'"));
        Assert.Equal("done", await c.ExecuteScalarAsync<string>("SELECT status FROM event_inbox"));
    }

    [Fact]
    public async Task Processor_GrantRevoked_LogsTheOperationFailedWithTheReason()
    {
        Fake.RevokeGrant();
        await using var web = await StartWebAsync();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(web, Legacy(("Bill", "25", "Update", DateTimeOffset.UtcNow))));

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var logged = Assert.Single(await EventsAsync(web));
        Assert.Equal("failed", logged.Outcome);
        Assert.Contains("needs reconnecting", logged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_BadSignature_LogsNothing()
    {
        await using var web = await StartWebAsync();
        var body = Encoding.UTF8.GetBytes(Legacy(("Bill", "26", "Create", DateTimeOffset.UtcNow)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/quickbooks") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(QuickBooksWebhook.SignatureHeader, QuickBooksWebhook.Sign(body, "not-the-verifier"));

        var response = await web.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await EventsAsync(web));
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM event_inbox"));
    }

    [Fact]
    public async Task Report_Since_ListsNewestFirstFromThatDayWithShowingNOfM()
    {
        await using (var web = await StartWebAsync())
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(web, Legacy(("Bill", "25", "Update", DateTimeOffset.UtcNow), ("Vendor", "46", "Update", DateTimeOffset.UtcNow))));
        }

        using var source = new TenantDataSource(_qbo.Dir.Data, TimeProvider.System);
        await source.For("acme").QuickBooksWebhookEvents.RecordAsync(new QuickBooksWebhookEvent(
            "old-1", Fake.Realm, "Bill", "7", "Update", null, "2026-01-05T12:00:00.000Z", "fetched", "read, changed"), CancellationToken.None);

        var all = await _qbo.Cli.OkAsync("report", "quickbooks-events", "--tenant", "acme");
        var recent = await _qbo.Cli.OkAsync("report", "quickbooks-events", "--tenant", "acme", "--since", DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"));
        var file = Path.Combine(_qbo.Dir.Root, "events.csv");
        await _qbo.Cli.OkAsync("report", "quickbooks-events", "--tenant", "acme", "--since", "2026-01-05", "--format", "csv", "--out", file);

        Assert.Contains("(showing 3 of 3)", all.Out, StringComparison.Ordinal);
        Assert.Contains("(showing 2 of 2)", recent.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("old-1", recent.Out, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(4, lines.Length);
        Assert.Contains("2026-01-05T12:00:00.000Z", lines[^1], StringComparison.Ordinal);
        var bad = await _qbo.Cli.RunAsync("report", "quickbooks-events", "--tenant", "acme", "--since", "05/01/2026");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--since must be a date as yyyy-MM-dd", bad.Error + bad.Out, StringComparison.Ordinal);
    }

    private static TenantData Tenant(WebApplication web) => web.Services.GetRequiredService<TenantDataSource>().For("acme");

    private async Task<IReadOnlyList<QuickBooksWebhookEvent>> EventsAsync(WebApplication web) =>
        (await Tenant(web).QuickBooksWebhookEvents.ListAsync(null, 100, CancellationToken.None)).Rows;

    private string Legacy(params (string Name, string Id, string Operation, DateTimeOffset LastUpdated)[] entities) =>
        new JsonObject
        {
            ["eventNotifications"] = new JsonArray(new JsonObject
            {
                ["realmId"] = Fake.Realm,
                ["dataChangeEvent"] = new JsonObject
                {
                    ["entities"] = new JsonArray(entities.Select(e => (JsonNode)new JsonObject
                    {
                        ["name"] = e.Name, ["id"] = e.Id, ["operation"] = e.Operation,
                        ["lastUpdated"] = e.LastUpdated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                    }).ToArray()),
                },
            }),
        }.ToJsonString();

    private static async Task<HttpStatusCode> PostAsync(WebApplication web, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/quickbooks") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(QuickBooksWebhook.SignatureHeader, QuickBooksWebhook.Sign(body, Verifier));
        return (await web.GetTestClient().SendAsync(request)).StatusCode;
    }

    private async Task<WebApplication> StartWebAsync()
    {
        var web = BackOfficeWeb.Build(_qbo.Dir.Data, "http://127.0.0.1:0", b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhooks:PollSeconds"] = "3600",
                ["Scheduler:PollSeconds"] = "3600",
                ["Webhooks:QuickBooks:VerifierToken"] = Verifier,
                [$"Webhooks:QuickBooks:Realms:{Fake.Realm}"] = "acme",
            });
            b.WebHost.UseTestServer();
        });
        await web.StartAsync();
        return web;
    }

    public async Task DisposeAsync() => await _qbo.DisposeAsync();
}
