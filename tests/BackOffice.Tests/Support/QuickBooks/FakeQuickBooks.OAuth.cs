using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// OAuth 2.0 as Intuit serves it (qbo.md section 1; [JS] intuit/oauth-jsclient OAuthClient.js and test/mocks
/// tokenResponse.json / errorResponse.json; [PY-OAUTH] intuit/oauth-pythonclient client.py): the authorize page
/// (here it consents at once and redirects with code, state and realmId), the token endpoint with Basic client
/// authentication for authorization_code and refresh_token grants (the refresh token rotates), and revoke.
/// </summary>
public sealed partial class FakeQuickBooks
{
    private readonly ConcurrentDictionary<string, bool> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private int _refreshes;

    public string AuthorizePath => "/connect/oauth2";

    public string TokenPath => "/oauth2/v1/tokens/bearer";

    public string RevokePath => "/v2/oauth2/tokens/revoke";

    /// <summary>The QuickBooks settings (names under the QuickBooks section) that point the product at this fake.</summary>
    public IEnumerable<(string Name, string Value)> ProductSettings() =>
    [
        ("AuthorizeUrl", BaseUrl + AuthorizePath), ("TokenUrl", BaseUrl + TokenPath), ("RevokeUrl", BaseUrl + RevokePath),
        ("ApiBaseUrl", BaseUrl + "/v3"), ("ClientId", ClientId), ("ClientSecret", ClientSecret),
    ];

    /// <summary>Refresh-token grants served, to check single-flight refresh.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Refresh tokens presented after they were rotated away or revoked (a second sweep spending the same token).</summary>
    public int SpentRefreshTokenReuses { get; private set; }

    public bool Revoked { get; private set; }

    /// <summary>Every token presented to the revoke endpoint, in order (issue 13: a failed connect revokes its grant once).</summary>
    public ConcurrentQueue<string> RevokeCalls { get; } = new();

    /// <summary>The revoke endpoint answers 503 (Intuit down), so the caller must say the grant is still live.</summary>
    public bool FailRevoke { get; set; }

    /// <summary>Every refresh token issued so far (in no order): which grant a revoke named.</summary>
    public IReadOnlyCollection<string> IssuedRefreshTokens => [.. _refreshTokens.Keys];

    /// <summary>Every access token issued so far now answers 401, as after its hour.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>The grant is revoked (in QuickBooks, by the user): every refresh token is invalid_grant.</summary>
    public void RevokeGrant()
    {
        foreach (var token in _refreshTokens.Keys)
        {
            _refreshTokens[token] = false;
        }

        ExpireAccessTokens();
    }

    internal bool AccessTokenValid(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _accessTokens.TryGetValue(header["Bearer ".Length..], out var until) && until > Clock.GetUtcNow();

    private void MapOAuth(WebApplication app)
    {
        app.MapGet(AuthorizePath, (HttpRequest request) =>
        {
            var q = request.Query;
            var redirect = q["redirect_uri"].ToString();
            if (q["client_id"] != ClientId || q["response_type"] != "code")
            {
                return Results.BadRequest("invalid client_id or response_type");
            }

            if (!q["scope"].ToString().Split(' ').Contains("com.intuit.quickbooks.accounting"))
            {
                return Results.Redirect($"{redirect}?error=invalid_scope&state={Uri.EscapeDataString(q["state"].ToString())}");
            }

            var code = "AB" + Guid.NewGuid().ToString("N");
            _codes[code] = true;
            return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}&realmId={Realm}");
        });
        app.MapPost(TokenPath, (Delegate)TokenAsync);
        app.MapPost(RevokePath, (Delegate)RevokeAsync);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!ClientAuthenticated(context.Request))
        {
            return OAuthError("invalid_client", 401);
        }

        var form = await context.Request.ReadFormAsync();
        switch (form["grant_type"].ToString())
        {
            case "authorization_code" when _codes.TryRemove(form["code"].ToString(), out _):
                return Issue(context);
            case "refresh_token":
                return Refresh(context, form["refresh_token"].ToString());
            default:
                return OAuthError("invalid_grant", 400);
        }
    }

    private IResult Refresh(HttpContext context, string token)
    {
        Interlocked.Increment(ref _refreshes);
        if (!_refreshTokens.TryGetValue(token, out var valid) || !valid)
        {
            SpentRefreshTokenReuses++;
            return OAuthError("invalid_grant", 400);
        }

        // Intuit rotates the refresh token on use (qbo.md section 1, [blog 2024/06/03 token mgmt]); the old one is spent.
        _refreshTokens[token] = false;
        return Issue(context);
    }

    private IResult Issue(HttpContext context)
    {
        var access = "eyJ" + Guid.NewGuid().ToString("N");
        var refresh = "AB11" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = Clock.GetUtcNow().AddSeconds(3600);
        _refreshTokens[refresh] = true;
        context.Response.Headers["intuit_tid"] = Guid.NewGuid().ToString();
        return Results.Json(new JsonObject
        {
            ["access_token"] = access, ["refresh_token"] = refresh, ["token_type"] = "bearer",
            ["expires_in"] = 3600, ["x_refresh_token_expires_in"] = 8726400,
        });
    }

    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        if (!ClientAuthenticated(context.Request))
        {
            return OAuthError("invalid_client", 401);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var token = body?["token"]?.GetValue<string>() ?? "";
        RevokeCalls.Enqueue(token);
        if (FailRevoke)
        {
            return Results.Text("Service Unavailable", "text/plain", statusCode: 503);
        }

        if (!_refreshTokens.ContainsKey(token) && !_accessTokens.ContainsKey(token))
        {
            return OAuthError("invalid_request", 400);
        }

        Revoked = true;
        RevokeGrant();
        return Results.Ok();
    }

    private static bool ClientAuthenticated(HttpRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        return request.Headers.Authorization.ToString() == expected;
    }

    private static IResult OAuthError(string error, int status) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = "Token invalid" }, statusCode: status);
}
