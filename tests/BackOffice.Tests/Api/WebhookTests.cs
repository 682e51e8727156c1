using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.Api;
using BackOffice.Host.Webhooks;
using BackOffice.Store.Sqlite;
using Dapper;

namespace BackOffice.Tests.Api;

/// <summary>Events in (issue 9): signature before parsing, 401 stores nothing, dedup by event id, routing by company id.</summary>
public sealed class WebhookTests : IDisposable
{
    // The shapes follow Intuit's webhook documentation: the CloudEvents array (type "qbo.{entity}.{operation}.v1",
    // intuitaccountid = the company) and the older eventNotifications object keyed by realmId.
    private const string CloudEvents = """
        [{"specversion":"1.0","id":"0b4a6f6e-1","source":"intuit.qbo","type":"qbo.bill.updated.v1","time":"2026-11-20T15:00:00Z",
          "intuitentityid":"145","intuitaccountid":"9130355","data":{}},
         {"specversion":"1.0","id":"0b4a6f6e-2","source":"intuit.qbo","type":"qbo.bill.created.v1","time":"2026-11-20T15:00:01Z",
          "intuitentityid":"146","intuitaccountid":"1111111","data":{}}]
        """;

    private const string Legacy = """
        {"eventNotifications":[{"realmId":"9130355","dataChangeEvent":{"entities":[
          {"name":"Bill","id":"145","operation":"Update","lastUpdated":"2026-11-20T15:00:00.000Z"}]}}]}
        """;

    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task QuickBooks_CloudEventsSignedTwice_StoresOnceAndRoutesByCompany()
    {
        var first = await PostQuickBooksAsync(CloudEvents, sign: true);
        var again = await PostQuickBooksAsync(CloudEvents, sign: true);

        Assert.Equal((1, 0, 1), Receipt(first));
        Assert.Equal((0, 1, 1), Receipt(again));
        Assert.Equal(["financial:pending"], await InboxAsync("acme"));
    }

    [Fact]
    public async Task QuickBooks_LegacyEventNotifications_AreStored()
    {
        Assert.Equal((1, 0, 0), Receipt(await PostQuickBooksAsync(Legacy, sign: true)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bm90IHRoZSBzaWduYXR1cmU=")]
    [InlineData("not base64 at all")]
    public async Task QuickBooks_BadSignature_Is401AndStoresNothing(string? signature)
    {
        var response = await PostQuickBooksAsync(CloudEvents, sign: false, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await InboxAsync("acme"));
    }

    [Fact]
    public async Task QuickBooks_BodyChangedAfterSigning_Is401()
    {
        var signature = QuickBooksWebhook.Sign(Encoding.UTF8.GetBytes(CloudEvents), "qbo-verifier-token");

        var response = await PostQuickBooksAsync(CloudEvents.Replace("145", "999", StringComparison.Ordinal), sign: false, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Procore_WithoutTheSecretHeader_Is401_WithIt_Stored()
    {
        const string body = """{"id":88,"ulid":"01JD2","resource_name":"Commitments","resource_id":12,"event_type":"update","company_id":562949,"project_id":7}""";
        var client = _factory.Browser();

        var refused = await client.PostAsync("/webhooks/procore", new StringContent(body, Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/procore") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BackOffice-Secret", "procore-hook-secret");
        var accepted = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal((1, 0, 0), Receipt(accepted));
    }

    /// <summary>Issue 14: a Procore delivery is a hint to fetch; when the tenant has no Procore connection it fails, saying why, and sweeps nothing.</summary>
    [Fact]
    public async Task Processor_ProcoreHintThatCannotBeFetched_FailsTheEventAndRunsNoSweep()
    {
        const string body = """{"id":89,"ulid":"01JD3","resource_name":"Work Order Contracts","resource_id":12,"event_type":"update","company_id":562949,"project_id":7}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/procore") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BackOffice-Secret", "procore-hook-secret");
        Assert.Equal((1, 0, 0), Receipt(await _factory.Browser().SendAsync(request)));

        var sweeps = await _factory.Get<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(0, sweeps);
        Assert.Equal(["financial:failed"], await InboxAsync("acme"));
        await using var connection = await _factory.TenantPath("acme").OpenAsync(CancellationToken.None);
        Assert.Contains("has no Procore connection", await connection.ExecuteScalarAsync<string>("SELECT error FROM event_inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processor_PendingEvents_RunTheAgentsSweepOnceAndMarkThemDone()
    {
        await PostQuickBooksAsync(CloudEvents, sign: true);
        await PostQuickBooksAsync(Legacy, sign: true);

        var sweeps = await _factory.Get<EventInboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(1, sweeps);
        Assert.Equal(["financial:done", "financial:done"], await InboxAsync("acme"));
        await using var connection = await _factory.TenantPath("acme").OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sweep_runs WHERE trigger = 'event'"));
    }

    [Fact]
    public async Task Generic_WithAnApiTokenOfAnotherTenant_Is404()
    {
        var client = await _factory.ApiAsync("bea");

        var response = await client.PostAsJsonAsync("/webhooks/generic/acme", new { id = "bt-1", entity = "bill" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Issue 19: an oversized body is 413 before it is read or its signature checked, declared or chunked.</summary>
    [Theory]
    [InlineData(2 * 1024 * 1024, true)]
    [InlineData(2 * 1024 * 1024, false)]
    [InlineData(40 * 1024 * 1024, true)]
    [InlineData(40 * 1024 * 1024, false)]
    public async Task QuickBooks_BodyOverTheLimit_Is413AndStoresNothing(int size, bool declaredLength)
    {
        var body = new byte[size];
        Array.Fill(body, (byte)' ');
        HttpContent content = declaredLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/quickbooks") { Content = content };
        request.Headers.TryAddWithoutValidation(QuickBooksWebhook.SignatureHeader, QuickBooksWebhook.Sign(body, "qbo-verifier-token"));

        var response = await _factory.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await InboxAsync("acme"));
    }

    /// <summary>
    /// Issue 19, the boundary: a signed delivery padded to one byte under and exactly at the 1 MiB limit is accepted,
    /// one byte over is 413, whether the length is declared or the body is chunked.
    /// </summary>
    [Theory]
    [InlineData(-1, true, HttpStatusCode.OK)]
    [InlineData(-1, false, HttpStatusCode.OK)]
    [InlineData(0, true, HttpStatusCode.OK)]
    [InlineData(0, false, HttpStatusCode.OK)]
    [InlineData(1, true, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(1, false, HttpStatusCode.RequestEntityTooLarge)]
    public async Task QuickBooks_BodyAroundTheLimit_AcceptedUpToItRefusedOneByteOver(int overLimit, bool declaredLength, HttpStatusCode expected)
    {
        var json = Encoding.UTF8.GetBytes(Legacy);
        var body = new byte[RequestBodyLimit.MaxBytes + overLimit];
        Array.Fill(body, (byte)' ');
        json.CopyTo(body, 0);
        HttpContent content = declaredLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/quickbooks") { Content = content };
        request.Headers.TryAddWithoutValidation(QuickBooksWebhook.SignatureHeader, QuickBooksWebhook.Sign(body, "qbo-verifier-token"));

        var response = await _factory.Browser().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, (await InboxAsync("acme")).Count);
    }

    /// <summary>A stream without a length, so the client sends the body chunked and the server cannot know its size up front.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private async Task<HttpResponseMessage> PostQuickBooksAsync(string body, bool sign, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/quickbooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var value = sign ? QuickBooksWebhook.Sign(Encoding.UTF8.GetBytes(body), "qbo-verifier-token") : signature;
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(QuickBooksWebhook.SignatureHeader, value);
        }

        return await _factory.Browser().SendAsync(request);
    }

    private static (int, int, int) Receipt(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = response.Content.ReadFromJsonAsync<JsonObject>().GetAwaiter().GetResult()!;
        return ((int)json["stored"]!, (int)json["duplicates"]!, (int)json["unrouted"]!);
    }

    private async Task<List<string>> InboxAsync(string tenant)
    {
        await using var connection = await _factory.TenantPath(tenant).OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT agent || ':' || status FROM event_inbox ORDER BY id")).ToList();
    }
}
