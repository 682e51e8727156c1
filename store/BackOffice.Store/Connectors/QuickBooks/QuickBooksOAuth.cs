using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>A token response (qbo.md section 1; intuit/oauth-jsclient test/mocks/tokenResponse.json).</summary>
public sealed record QuickBooksTokenSet(string AccessToken, string RefreshToken, int ExpiresInSeconds, int? RefreshExpiresInSeconds);

/// <summary>
/// The OAuth 2.0 authorization-code flow against Intuit (qbo.md section 1, from intuit/oauth-pythonclient client.py and
/// intuit/oauth-jsclient OAuthClient.js): the authorize URL, the code exchange and refresh with HTTP Basic client
/// authentication and a form body, and revoke with a JSON body. The client secret only ever goes in the Basic header.
/// </summary>
public sealed class QuickBooksOAuth(HttpClient http, QuickBooksOptions options)
{
    public string AuthorizeUrl(string state, string redirectUri)
    {
        RequireConfigured();
        return $"{options.AuthorizeUrl}?client_id={Uri.EscapeDataString(options.ClientId)}&response_type=code" +
               $"&scope={Uri.EscapeDataString(options.Scope)}&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}";
    }

    public Task<QuickBooksTokenSet> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri }, cancellationToken);

    /// <summary>Throws <see cref="QuickBooksFaultException"/> with code "invalid_grant" when the refresh token is expired or revoked.</summary>
    public Task<QuickBooksTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        RequireConfigured();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.RevokeUrl) { Content = JsonContent.Create(new { token }) };
        Authenticate(request);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }
    }

    private async Task<QuickBooksTokenSet> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        RequireConfigured();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        Authenticate(request);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        var body = await ReadObjectAsync(response, cancellationToken);
        return new QuickBooksTokenSet(
            Text(body, "access_token"), Text(body, "refresh_token"),
            body["expires_in"]?.GetValue<int>() ?? 3600, body["x_refresh_token_expires_in"]?.GetValue<int>());
    }

    private void Authenticate(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private void RequireConfigured()
    {
        if (!options.Configured)
        {
            throw new QuickBooksNotConnectedException(
                "QuickBooks is not configured: set QuickBooks:ClientId and QuickBooks:ClientSecret (or BACKOFFICE_QuickBooks__ClientId and __ClientSecret).");
        }
    }

    private static async Task<QuickBooksFaultException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (error, description) = await OAuthError.ReadAsync(response, cancellationToken);
        return new QuickBooksFaultException((int)response.StatusCode, error, $"OAuth {error}", description, Tid(response));
    }

    internal static string? Tid(HttpResponseMessage response) =>
        response.Headers.TryGetValues("intuit_tid", out var values) ? values.FirstOrDefault() : null;

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                   ?? throw new QuickBooksResponseException("QuickBooks token response: not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new QuickBooksResponseException($"QuickBooks token response: malformed JSON ({ex.Message}).");
        }
    }

    private static string Text(JsonObject body, string field) =>
        body[field]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new QuickBooksResponseException($"QuickBooks token response: field '{field}' is missing.");
}
