using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>A token response; client credentials come without a refresh token (procore.md section 1).</summary>
public sealed record ProcoreTokenSet(string AccessToken, string? RefreshToken, int ExpiresInSeconds);

/// <summary>
/// OAuth 2.0 against Procore's login host (procore.md section 1, from procore/documentation oauth_endpoints.md,
/// oauth_auth_grant_flow.md and oauth_client_credentials.md): the authorize URL, the authorization-code exchange, the
/// refresh (single-use refresh tokens), the client-credentials grant of a DMSA service account, and revoke. client_id
/// and client_secret go as form fields, as Procore's examples send them.
/// </summary>
public sealed class ProcoreOAuth(HttpClient http, ProcoreOptions options)
{
    public const string AuthorizationCode = "authorization_code";
    public const string ClientCredentials = "client_credentials";

    public string AuthorizeUrl(string state, string redirectUri)
    {
        RequireConfigured();
        return $"{options.LoginUrl.TrimEnd('/')}/oauth/authorize?client_id={Uri.EscapeDataString(options.ClientId)}&response_type=code" +
               $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={Uri.EscapeDataString(state)}";
    }

    public Task<ProcoreTokenSet> ExchangeCodeAsync(string code, string redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = AuthorizationCode, ["code"] = code, ["redirect_uri"] = redirectUri }, cancellationToken);

    /// <summary>Throws <see cref="ProcoreOAuthException"/> with code "invalid_grant" when the refresh token is spent or revoked.</summary>
    public Task<ProcoreTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public Task<ProcoreTokenSet> ClientCredentialsAsync(CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = ClientCredentials }, cancellationToken);

    /// <summary>Revokes the access and refresh token together; Procore answers 200 even for an unknown token.</summary>
    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        RequireConfigured();
        using var content = Form(new() { ["token"] = token });
        using var response = await http.PostAsync(options.LoginUrl.TrimEnd('/') + "/oauth/revoke", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }
    }

    private async Task<ProcoreTokenSet> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        RequireConfigured();
        using var content = Form(form);
        using var response = await http.PostAsync(options.TokenUrl, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                   ?? throw new ProcoreResponseException("Procore token response: not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ProcoreResponseException($"Procore token response: malformed JSON ({ex.Message}).");
        }

        var access = body["access_token"]?.GetValue<string>() is { Length: > 0 } a ? a : throw new ProcoreResponseException("Procore token response: 'access_token' is missing.");
        return new ProcoreTokenSet(access, body["refresh_token"]?.GetValue<string>(), body["expires_in"]?.GetValue<int>() ?? 5400);
    }

    private FormUrlEncodedContent Form(Dictionary<string, string> form)
    {
        form["client_id"] = options.ClientId;
        form["client_secret"] = options.ClientSecret;
        var content = new FormUrlEncodedContent(form);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private void RequireConfigured()
    {
        if (!options.Configured)
        {
            throw new ProcoreNotConnectedException(
                "Procore is not configured: set Procore:ClientId and Procore:ClientSecret (or BACKOFFICE_Procore__ClientId and __ClientSecret).");
        }
    }

    /// <summary>Procore does not document the error body; RFC 6749's {"error", "error_description"} is read when present.</summary>
    private static async Task<ProcoreOAuthException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (error, description) = await OAuthError.ReadAsync(response, cancellationToken);
        return new ProcoreOAuthException((int)response.StatusCode, error, description);
    }
}
