using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19: API tokens expire. Over HTTP against the real host: the lifetime chosen at issue (default
/// Auth:ApiTokenDays 90, at most Auth:ApiTokenMaxDays 365), an expired token is a 401 that says so, the first expired use
/// is audited once, and tokens from before expiry existed expire the maximum lifetime after their issue.
/// </summary>
public sealed class ApiTokenExpiryTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData(1, HttpStatusCode.OK)]
    [InlineData(365, HttpStatusCode.OK)]
    [InlineData(366, HttpStatusCode.BadRequest)]
    [InlineData(0, HttpStatusCode.BadRequest)]
    [InlineData(-5, HttpStatusCode.BadRequest)]
    public async Task IssueToken_Days_WithinOneToTheMaximum(int? days, HttpStatusCode expected)
    {
        var api = await _factory.ApiAsync("dana");
        var before = DateTimeOffset.UtcNow;

        var response = await api.PostAsJsonAsync("/api/tokens", new { label = "nightly", days });

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (expected == HttpStatusCode.OK)
        {
            var expires = DateTimeOffset.Parse((string)body!["expires"]!, System.Globalization.CultureInfo.InvariantCulture);
            var lifetime = TimeSpan.FromDays(days ?? 90);
            Assert.InRange(expires, before + lifetime, DateTimeOffset.UtcNow + lifetime);
            var listed = (await _factory.Get<CredentialStore>().ListTokensAsync(_ct)).Single(t => t.Id == (string)body["id"]!);
            Assert.Equal((string)body["expires"]!, listed.ExpiresAt);
        }
        else
        {
            Assert.Contains("1 to 365 days", (string)body!["detail"]!);
        }
    }

    [Fact]
    public async Task ExpiredToken_401SayingExpiredAndTheFirstUseAuditedOnce()
    {
        var issuedTwoDaysAgo = StoreAt(DateTimeOffset.UtcNow.AddDays(-2));
        var issued = await issuedTwoDaysAgo.IssueTokenAsync("dana", "old script", "dana", 1, _ct);
        var client = Bearer(issued.Token);

        var first = await client.GetAsync("/api/me");
        var second = await client.GetAsync("/api/tenants/acme/proposals");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains($"expired at {issued.ExpiresAt}", await first.Content.ReadAsStringAsync());
        Assert.Contains("error=\"invalid_token\"", first.Headers.WwwAuthenticate.ToString());
        var expired = (await ControlEventsAsync()).Where(e => e.Kind == "auth.token-expired").ToList();
        Assert.Single(expired);
        Assert.Contains(issued.Id, expired[0].DataJson);
        Assert.True((await _factory.Get<AuditChains>().VerifyControlAsync(_ct)).Intact);
    }

    [Fact]
    public async Task RevokedToken_401SayingRevoked()
    {
        var issued = await _factory.Get<CredentialStore>().IssueTokenAsync("dana", "script", "dana", null, _ct);
        await _factory.Get<CredentialStore>().RevokeTokenAsync(issued.Id, "sam", _ct);

        var response = await Bearer(issued.Token).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("was revoked at", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(364, HttpStatusCode.OK)]
    [InlineData(366, HttpStatusCode.Unauthorized)]
    public async Task TokenFromBeforeExpiry_ExpiresTheMaximumLifetimeAfterItsIssue(int ageDays, HttpStatusCode expected)
    {
        var issued = await StoreAt(DateTimeOffset.UtcNow.AddDays(-ageDays)).IssueTokenAsync("dana", "legacy", "dana", null, _ct);
        await using (var control = await BackOffice.Store.Sqlite.Databases.OpenControlAsync(Path.Combine(_factory.Root, "control.db"), _ct))
        {
            await control.ExecuteAsync("UPDATE api_tokens SET expires_at = NULL WHERE substr(token_hash, 1, 12) = @id", new { id = issued.Id });
        }

        Assert.Equal(expected, (await Bearer(issued.Token).GetAsync("/api/me")).StatusCode);
    }

    /// <summary>A credential store over the factory's data folder whose clock stands at <paramref name="at"/>.</summary>
    private CredentialStore StoreAt(DateTimeOffset at)
    {
        _ = _factory.Services; // the host starts (and seeds its users) on first use
        var clock = new FakeTimeProvider(at);
        var source = new TenantDataSource(new DataDirectory(_factory.Root), clock);
        var audit = new AuditStore(clock);
        return new CredentialStore(source, new UserDirectory(source, clock, audit), audit, clock, new AuthOptions());
    }

    private HttpClient Bearer(string token)
    {
        var client = _factory.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<IReadOnlyList<AuditEvent>> ControlEventsAsync()
    {
        await using var unit = await _factory.Get<TenantDataSource>().ReadControlAsync(_ct);
        return await AuditStore.ReadAllAsync(unit, _ct);
    }
}
