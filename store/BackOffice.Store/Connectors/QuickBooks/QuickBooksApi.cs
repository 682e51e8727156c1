using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// The QuickBooks Online Accounting API v3 for one tenant's realm (qbo.md sections 2-8): <c>minorversion</c> on every
/// request, <c>intuit_tid</c> logged, a 401 refreshes the token once and retries, a 429 waits (60 s as Intuit says,
/// configurable) and retries, at most <see cref="QuickBooksOptions.MaxConcurrentPerRealm"/> requests run at once per realm, and
/// at most <see cref="QuickBooksOptions.MaxRequestsPerMinute"/> are sent in any minute (<see cref="QuickBooksRequestWindow"/>).
/// </summary>
public sealed partial class QuickBooksApi(
    HttpClient http, QuickBooksOptions options, QuickBooksTokens tokens, TimeProvider clock, ILogger<QuickBooksApi> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perRealm = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QuickBooksRequestWindow> _perMinute = new(StringComparer.Ordinal);
    private long _requests;

    /// <summary>API requests sent by this process (each retry counts): what the 500-a-minute budget is spent on.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>One page of a query: the <c>QueryResponse</c> object (empty when nothing matched).</summary>
    public async Task<JsonObject> QueryAsync(TenantData tenant, string sql, CancellationToken cancellationToken)
    {
        var body = await SendAsync(tenant, HttpMethod.Get, "query?query=" + Uri.EscapeDataString(sql), null, cancellationToken);
        return body["QueryResponse"] as JsonObject ?? throw new QuickBooksResponseException("QuickBooks query response: 'QueryResponse' is missing.");
    }

    /// <summary>Change data capture: the per-entity groups of <c>CDCResponse[0].QueryResponse</c>.</summary>
    public async Task<JsonArray> CdcAsync(TenantData tenant, IEnumerable<string> entities, DateTimeOffset changedSince, CancellationToken cancellationToken)
    {
        var since = changedSince.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var body = await SendAsync(tenant, HttpMethod.Get,
            $"cdc?entities={string.Join(',', entities)}&changedSince={Uri.EscapeDataString(since)}", null, cancellationToken);
        return body["CDCResponse"]?[0]?["QueryResponse"] as JsonArray
               ?? throw new QuickBooksResponseException("QuickBooks CDC response: 'CDCResponse[0].QueryResponse' is missing.");
    }

    public async Task<JsonObject> CreateAsync(TenantData tenant, string entity, JsonObject body, string requestId, CancellationToken cancellationToken) =>
        Entity(await SendAsync(tenant, HttpMethod.Post, $"{entity.ToLowerInvariant()}?requestid={Uri.EscapeDataString(requestId)}", body, cancellationToken), entity);

    /// <summary>The entity, or null when QuickBooks says it does not exist (error 610).</summary>
    public async Task<JsonObject?> ReadAsync(TenantData tenant, string entity, string id, CancellationToken cancellationToken)
    {
        try
        {
            return Entity(await SendAsync(tenant, HttpMethod.Get, $"{entity.ToLowerInvariant()}/{Uri.EscapeDataString(id)}", null, cancellationToken), entity);
        }
        catch (QuickBooksFaultException ex) when (ex.Code == "610")
        {
            return null;
        }
    }

    public async Task<JsonObject> DeleteAsync(
        TenantData tenant, string entity, string id, string syncToken, string requestId, CancellationToken cancellationToken) =>
        Entity(await SendAsync(tenant, HttpMethod.Post,
            $"{entity.ToLowerInvariant()}?operation=delete&requestid={Uri.EscapeDataString(requestId)}",
            new JsonObject { ["Id"] = id, ["SyncToken"] = syncToken }, cancellationToken), entity);

    /// <summary>
    /// Issue 13: CompanyInfo read with the access token just issued, before anything is stored, so connecting can
    /// save the connection and its audit event in one unit. One request, paced like the others; 401 is an error here.
    /// </summary>
    public async Task<JsonObject> CompanyInfoAsync(string realm, string accessToken, CancellationToken cancellationToken)
    {
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/company/{realm}/companyinfo/{Uri.EscapeDataString(realm)}?minorversion={options.MinorVersion}";
        await _perMinute.GetOrAdd(realm, _ => new QuickBooksRequestWindow(options.MaxRequestsPerMinute, clock)).WaitTurnAsync(cancellationToken);
        using var response = await SendOnceAsync(HttpMethod.Get, url, null, accessToken, cancellationToken);
        LogRequest("GET", "companyinfo", (int)response.StatusCode, QuickBooksOAuth.Tid(response) ?? "-");
        return Entity(await ReadAsync(response, cancellationToken), "CompanyInfo");
    }

    private async Task<JsonObject> SendAsync(TenantData tenant, HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var realm = (await tenant.QuickBooks.CurrentAsync(cancellationToken))?.RealmId
                    ?? throw new QuickBooksNotConnectedException($"Tenant {tenant.Tenant} has no QuickBooks connection: run `backoffice connect quickbooks --tenant {tenant.Tenant}`.");
        var gate = _perRealm.GetOrAdd(realm, _ => new SemaphoreSlim(options.MaxConcurrentPerRealm, options.MaxConcurrentPerRealm));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SendWithRetriesAsync(tenant, realm, method, path, body, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<JsonObject> SendWithRetriesAsync(
        TenantData tenant, string realm, HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/company/{realm}/{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}minorversion={options.MinorVersion}";
        string? rejected = null;
        var throttled = 0;
        while (true)
        {
            var token = await tokens.AccessTokenAsync(tenant, rejected, cancellationToken);
            await _perMinute.GetOrAdd(realm, _ => new QuickBooksRequestWindow(options.MaxRequestsPerMinute, clock)).WaitTurnAsync(cancellationToken);
            using var response = await SendOnceAsync(method, url, body, token, cancellationToken);
            LogRequest(method.Method, path.Split('?')[0], (int)response.StatusCode, QuickBooksOAuth.Tid(response) ?? "-");
            if (response.StatusCode == HttpStatusCode.Unauthorized && rejected is null)
            {
                rejected = token;
                continue;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && throttled++ < options.MaxThrottleRetries)
            {
                await Task.Delay(ThrottleWait(response), clock, cancellationToken);
                continue;
            }

            return await ReadAsync(response, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string url, JsonObject? body, string token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Intuit publishes no Retry-After (qbo.md section 8): honour it if present, else the configured wait.</summary>
    private TimeSpan ThrottleWait(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(options.ThrottleWaitSeconds);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // 401 and 429 bodies are often XML even with Accept: application/json (qbo.md section 7).
            body = null;
        }

        if (response.IsSuccessStatusCode)
        {
            return body ?? throw new QuickBooksResponseException($"QuickBooks answered {(int)response.StatusCode} with a body that is not a JSON object.");
        }

        throw QuickBooksFaults.From((int)response.StatusCode, body, text, QuickBooksOAuth.Tid(response));
    }

    private static JsonObject Entity(JsonObject body, string entity) =>
        body[entity] as JsonObject ?? throw new QuickBooksResponseException($"QuickBooks response: '{entity}' is missing.");

    [LoggerMessage(Level = LogLevel.Information, Message = "QuickBooks {Method} {Path} -> {Status}, intuit_tid {IntuitTid}")]
    private partial void LogRequest(string method, string path, int status, string intuitTid);
}
