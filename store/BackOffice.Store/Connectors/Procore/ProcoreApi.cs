using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>One page of a list: its records and the Link rel="next" URL (null on the last page).</summary>
public sealed record ProcorePage(IReadOnlyList<JsonObject> Items, string? Next, long? Total);

/// <summary>
/// Procore's REST API for one tenant's company (procore.md sections 2-3): `Procore-Company-Id` on every request, lists
/// followed by their Link rel="next" to the end, `X-Rate-Limit-*` obeyed (a response with none left makes the next
/// request wait until Reset), 429/503 waited out (Retry-After), and a 401 renews the token once and retries.
/// </summary>
public sealed partial class ProcoreApi(HttpClient http, ProcoreOptions options, ProcoreTokens tokens, TimeProvider clock, ILogger<ProcoreApi> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private long _requests;
    private long _waits;

    /// <summary>API requests sent by this process (each retry counts).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Times a request waited for a rate-limit window (X-Rate-Limit-Remaining 0, or 429/503).</summary>
    public long RateLimitWaits => Interlocked.Read(ref _waits);

    /// <summary>The URL of page <paramref name="page"/> of a list path such as "/rest/v1.0/projects?company_id=1".</summary>
    public string ListUrl(string path, int page) =>
        $"{options.ApiBaseUrl.TrimEnd('/')}{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}&per_page={options.PerPage}";

    public async Task<ProcorePage> PageAsync(TenantData tenant, string url, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(tenant, url, cancellationToken);
        var body = await ReadAsync(response, url, cancellationToken);
        var items = body as JsonArray ?? throw new ProcoreResponseException($"Procore {Path(url)}: a list answer that is not a JSON array.");
        return new ProcorePage(
            items.Select(i => i as JsonObject ?? throw new ProcoreResponseException($"Procore {Path(url)}: an element is not an object.")).ToList(),
            ProcoreHeaders.Link(response, "next"), ProcoreHeaders.Number(response, "Total"));
    }

    /// <summary>One record, or null when Procore says it does not exist (404: deleted, or not visible to this app).</summary>
    public async Task<JsonObject?> GetAsync(TenantData tenant, string path, CancellationToken cancellationToken)
    {
        var url = options.ApiBaseUrl.TrimEnd('/') + path;
        using var response = await SendAsync(tenant, url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync(response, url, cancellationToken) as JsonObject
               ?? throw new ProcoreResponseException($"Procore {Path(url)}: not a JSON object.");
    }

    /// <summary>
    /// The companies a fresh token sees, before a connection exists. A person's token needs no company header here; a
    /// DMSA token needs it even on this call (oauth_client_credentials.md), so the named company, if any, is sent.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> CompaniesAsync(string accessToken, string? companyId, CancellationToken cancellationToken)
    {
        var url = options.ApiBaseUrl.TrimEnd('/') + "/rest/v1.0/companies";
        using var response = await SendOnceAsync(url, accessToken, companyId, cancellationToken);
        return (await ReadAsync(response, url, cancellationToken) as JsonArray ?? [])
            .OfType<JsonObject>().ToList();
    }

    private async Task<HttpResponseMessage> SendAsync(TenantData tenant, string url, CancellationToken cancellationToken)
    {
        var company = (await tenant.Procore.CurrentAsync(cancellationToken))?.CompanyId
                      ?? throw new ProcoreNotConnectedException($"Tenant {tenant.Tenant} has no Procore connection: run `backoffice connect procore --tenant {tenant.Tenant}`.");
        string? rejected = null;
        var throttled = 0;
        while (true)
        {
            await WaitForWindowAsync(company, cancellationToken);
            var token = await tokens.AccessTokenAsync(tenant, rejected, cancellationToken);
            var response = await SendOnceAsync(url, token, company, cancellationToken);
            LogRequest(Path(url), (int)response.StatusCode, RequestId(response) ?? "-");
            if (ProcoreHeaders.Exhausted(response) is { } reset)
            {
                _pausedUntil[company] = reset;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && rejected is null)
            {
                rejected = token;
                response.Dispose();
                continue;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && throttled++ < options.MaxThrottleRetries)
            {
                _pausedUntil[company] = clock.GetUtcNow() + ProcoreHeaders.RetryWait(response, clock.GetUtcNow());
                response.Dispose();
                continue;
            }

            return response;
        }
    }

    /// <summary>Waits until the window the last answer named resets (at most MaxRateLimitWaitSeconds), instead of failing.</summary>
    private async Task WaitForWindowAsync(string company, CancellationToken cancellationToken)
    {
        if (!_pausedUntil.TryRemove(company, out var until) || until <= clock.GetUtcNow())
        {
            return;
        }

        Interlocked.Increment(ref _waits);
        var wait = until - clock.GetUtcNow();
        var cap = TimeSpan.FromSeconds(options.MaxRateLimitWaitSeconds);
        LogWait(company, wait.TotalSeconds);
        await Task.Delay(wait < cap ? wait : cap, clock, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(string url, string token, string? company, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (company is not null)
        {
            request.Headers.Add("Procore-Company-Id", company);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (response.IsSuccessStatusCode)
        {
            return body ?? throw new ProcoreResponseException($"Procore {Path(url)}: answered {(int)response.StatusCode} with a body that is not JSON.");
        }

        // 4xx bodies "often contain a message or errors field" (error_reference.md).
        var message = body is JsonObject o ? (o["message"] ?? o["errors"] ?? o["error"])?.ToString() : null;
        throw new ProcoreApiException((int)response.StatusCode, Path(url), message ?? response.ReasonPhrase ?? "no reason given", RequestId(response));
    }

    private static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?')[0];

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-request-id", out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Procore GET {Path} -> {Status}, x-request-id {RequestId}")]
    private partial void LogRequest(string path, int status, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procore rate limit for company {Company}: waiting {Seconds} s for the window to reset")]
    private partial void LogWait(string company, double seconds);
}
