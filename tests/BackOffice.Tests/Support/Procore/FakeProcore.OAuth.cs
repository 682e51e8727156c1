using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Support.Procore;

/// <summary>
/// OAuth 2.0 as Procore serves it (procore.md section 1, from procore/documentation oauth_endpoints.md,
/// oauth_auth_grant_flow.md and oauth_client_credentials.md): the authorize page (here it consents at once), the token
/// endpoint taking client_id and client_secret as form fields for the authorization_code, refresh_token (single-use:
/// a new refresh token every time) and client_credentials grants (no refresh token), and revoke (always 200).
/// </summary>
public sealed partial class FakeProcore
{
    private readonly ConcurrentDictionary<string, bool> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _serviceTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private int _tokenGrants;

    /// <summary>Tokens issued by any grant: a refresh or a new client-credentials token each count.</summary>
    public int TokenGrants => Volatile.Read(ref _tokenGrants);

    public bool Revoked { get; private set; }

    /// <summary>Every access token issued so far now answers 401, as after its 5,400 seconds.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Whether the bearer token came from the client_credentials grant (a DMSA service account).</summary>
    internal bool IsServiceAccount(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) && _serviceTokens.ContainsKey(header["Bearer ".Length..]);

    internal bool AccessTokenValid(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _accessTokens.TryGetValue(header["Bearer ".Length..], out var until) && until > Clock.GetUtcNow();

    private void MapOAuth(WebApplication app)
    {
        app.MapGet("/oauth/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code")
            {
                return Results.BadRequest(new { error = "invalid_request" });
            }

            var code = Guid.NewGuid().ToString("N");
            _codes[code] = true;
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/oauth/token", TokenAsync);
        app.MapPost("/oauth/revoke", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            _refreshTokens.TryUpdate(form["token"].ToString(), false, true);
            _accessTokens.TryRemove(form["token"].ToString(), out _);
            Revoked = true;
            return Results.Ok(new { });
        });
    }

    /// <summary>Form fields per the docs' `curl -F` (multipart) examples; url-encoded forms are read the same way.</summary>
    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed." }, statusCode: 401);
        }

        var grant = form["grant_type"].ToString();
        var valid = grant switch
        {
            "authorization_code" => _codes.TryRemove(form["code"].ToString(), out _),
            "refresh_token" => _refreshTokens.TryUpdate(form["refresh_token"].ToString(), false, true),
            "client_credentials" => true,
            _ => false,
        };
        return valid
            ? Results.Json(Issue(withRefresh: grant != "client_credentials", serviceAccount: grant == "client_credentials"))
            : Results.Json(new { error = "invalid_grant", error_description = "The provided authorization grant is invalid, expired or revoked." }, statusCode: 400);
    }

    private Dictionary<string, object> Issue(bool withRefresh, bool serviceAccount = false)
    {
        Interlocked.Increment(ref _tokenGrants);
        var access = "eyJ" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = Clock.GetUtcNow().AddSeconds(5400);
        if (serviceAccount)
        {
            _serviceTokens[access] = true;
        }

        var body = new Dictionary<string, object>
        {
            ["access_token"] = access, ["token_type"] = "bearer", ["expires_in"] = 5400, ["created_at"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (withRefresh)
        {
            var refresh = Guid.NewGuid().ToString("N");
            _refreshTokens[refresh] = true;
            body["refresh_token"] = refresh;
        }

        return body;
    }
}
