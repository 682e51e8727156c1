using System.Text.Json.Nodes;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Events;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: a webhook fetches only the entities it names, by id (payloads as Intuit's webhooks page and its .NET SDK's
/// WebhooksEvent/Entity and WebhooksCloudEvent classes show them, qbo.md section 9), counted on the fake.
/// </summary>
public sealed partial class QuickBooksWebhookSyncTests
{
    [Fact]
    public async Task Processor_WebhookNamesOneBill_ReadsThatBillOnly()
    {
        _qbo.Fake.Add("Bill", QuickBooksHarness.Bill("26", "B-2", 480.00m));
        _qbo.Fake.Touch("Bill", "25", b => b["TotalAmt"] = 999.00m);
        await using var web = await StartWebAsync();
        await DeliverAsync(web, Legacy("Bill", "26", "Create"));
        var requests = _qbo.Fake.ApiRequests;

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(requests + 1, _qbo.Fake.ApiRequests);
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        Assert.Equal(48000L, await c.ExecuteScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE id = '26'"));
        // Bill 25 changed in QuickBooks too, but no webhook named it: it waits for the next sync.
        Assert.Equal(10355L, await c.ExecuteScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE id = '25'"));
    }

    [Fact]
    public async Task Processor_DeleteOperation_RemovesTheBillLocallyWithoutAnyRead()
    {
        _qbo.Fake.Remove("Bill", "25");
        await using var web = await StartWebAsync();
        await DeliverAsync(web, Legacy("Bill", "25", "Delete"));
        var requests = _qbo.Fake.ApiRequests;

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(requests, _qbo.Fake.ApiRequests);
        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_bills WHERE id = '25'"));
        Assert.Equal("done", await c.ExecuteScalarAsync<string>("SELECT status FROM event_inbox"));
    }

    [Fact]
    public async Task Processor_MergeCloudEvent_RemovesTheMergedAwayVendorReadsTheSurvivorThenCdc()
    {
        _qbo.Fake.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Rivera Plumbing LLC", ["Active"] = true });
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
        // Intuit's merge: 47 is merged into 46 and gone; the event names the survivor and data.deletedid the merged-away id.
        _qbo.Fake.Remove("Vendor", "47");
        _qbo.Fake.Touch("Vendor", "46", v => v["DisplayName"] = "Rivera Plumbing & Heating");
        await using var web = await StartWebAsync();
        await DeliverAsync(web, new JsonObject
        {
            ["specversion"] = "1.0", ["id"] = "merge-1", ["source"] = "intuit.test", ["type"] = "qbo.vendor.merged.v1",
            ["time"] = "2026-11-27T10:00:00Z", ["intuitentityid"] = "46", ["intuitaccountid"] = _qbo.Fake.Realm,
            ["data"] = new JsonObject { ["deletedid"] = "47" },
        }, "vendor");
        var requests = _qbo.Fake.ApiRequests;

        await web.Services.GetRequiredService<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        await using var c = await Tenant(web).OpenAsync(CancellationToken.None);
        var status = await c.ExecuteScalarAsync<string>("SELECT status || COALESCE(error, '') FROM event_inbox");
        Assert.True(status == "done", status);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_vendors WHERE id = '47'"));
        Assert.Equal("Rivera Plumbing & Heating", await c.ExecuteScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = '46'"));
        // Two reads by id (survivor, merged-away), then the change-data-capture pass that picks up re-pointed transactions.
        Assert.True(_qbo.Fake.ApiRequests >= requests + 3, $"{_qbo.Fake.ApiRequests - requests} requests");
    }

    [Theory]
    [InlineData("""{"name":"Bill","id":"26","operation":"Update","lastUpdated":"2016-10-05T03:09:04.000Z"}""", "Bill", "26", "Update", null)]
    [InlineData("""{"name":"Customer","id":"43","operation":"Merge","lastUpdated":"2016-10-05T03:07:04.000Z","deletedId":"44"}""", "Customer", "43", "Merge", "44")]
    [InlineData("""{"type":"qbo.bill.deleted.v1","intuitentityid":"12","intuitaccountid":"310687"}""", "bill", "12", "Delete", null)]
    [InlineData("""{"type":"qbo.customer.merged.v1","intuitentityid":"5","intuitaccountid":"310687","data":{"deletedid":"27"}}""", "customer", "5", "Merge", "27")]
    public void ChangeOf_BothPayloadShapes_EntityIdOperationAndDeletedId(string payload, string entity, string id, string operation, string? deletedId)
    {
        Assert.Equal(new BackOffice.Store.Connectors.QuickBooks.QuickBooksChange(entity, id, operation, deletedId), QuickBooksWebhook.ChangeOf(payload));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"type":"qbo.bill","intuitentityid":"1"}""")]
    public void ChangeOf_NamesNoEntity_Null(string payload) => Assert.Null(QuickBooksWebhook.ChangeOf(payload));

    private static JsonObject Legacy(string name, string id, string operation) =>
        new() { ["name"] = name, ["id"] = id, ["operation"] = operation, ["lastUpdated"] = "2026-11-27T10:00:00.000Z" };

    private async Task DeliverAsync(WebApplication web, JsonObject payload, string? entity = null)
    {
        var kind = entity ?? (string)payload["name"]!;
        Assert.True(await web.Services.GetRequiredService<EventInbox>().AddAsync(Tenant(web),
            new InboundEvent("quickbooks", _qbo.Fake.Realm, Guid.NewGuid().ToString("N"), kind, payload.ToJsonString()),
            EventRouting.AgentFor(kind), CancellationToken.None));
    }
}
