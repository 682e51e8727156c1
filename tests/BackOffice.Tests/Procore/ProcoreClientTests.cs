using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>Issue 14: OAuth (both grants), tokens at rest, the company header, 401, 429 and X-Rate-Limit-* against the loopback fake.</summary>
public sealed class ProcoreClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ConnectServiceAccount_ClientCredentials_StoresEncryptedTokenAndTheOnlyCompany()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(0);

        var connection = await h.ConnectServiceAccountAsync();

        Assert.Equal(FakeProcore.CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture), connection.CompanyId);
        Assert.Equal(FakeProcore.CompanyName, connection.CompanyName);
        Assert.Equal(ProcoreOAuth.ClientCredentials, connection.GrantType);
        await using var c = await h.Tenant.OpenAsync(Ct);
        var stored = await c.QuerySingleAsync<(string Access, string? Refresh)>("SELECT access_token, refresh_token FROM procore_connections");
        // The fake's access tokens start "eyJ" as Procore's (JWT) do; at rest they must not appear. DMSA has no refresh token.
        Assert.DoesNotContain("eyJ", stored.Access, StringComparison.Ordinal);
        Assert.StartsWith("eyJ", h.Get<ITokenProtector>().Unprotect(stored.Access), StringComparison.Ordinal);
        Assert.Null(stored.Refresh);
    }

    [Theory]
    [InlineData("1357908642", null)]
    [InlineData("42", "cannot see company 42: Procore answered 403 to /rest/v1.0/companies: App is not connected to this company")]
    public async Task ConnectServiceAccount_NamedCompany_IsChosenOrRefusedSayingWhichItSees(string company, string? refusal)
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(0);

        var connect = () => h.Get<ProcoreConnections>().ConnectServiceAccountAsync(h.Tenant, company, ProcoreHarness.Sam, Ct);

        if (refusal is null)
        {
            Assert.Equal(company, (await connect()).CompanyId);
            return;
        }

        var ex = await Assert.ThrowsAsync<ProcoreNotConnectedException>(connect);
        Assert.Contains(refusal, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Tenant.Procore.ListAsync(Ct));
    }

    [Fact]
    public async Task ConnectThroughBrowser_AuthorizationCode_KeepsARefreshToken()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(0);

        var connection = await h.ConnectThroughBrowserAsync();

        Assert.Equal(ProcoreOAuth.AuthorizationCode, connection.GrantType);
        Assert.NotNull(connection.RefreshToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Page_ExpiredAccessToken_RenewsOnceAndRetries(bool serviceAccount)
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(1);
        _ = serviceAccount ? await h.ConnectServiceAccountAsync() : await h.ConnectThroughBrowserAsync();
        h.Fake.ExpireAccessTokens();
        var api = h.Get<ProcoreApi>();

        var page = await api.PageAsync(h.Tenant, api.ListUrl($"/rest/v1.0/projects?company_id={FakeProcore.CompanyId}", 1), Ct);

        Assert.Single(page.Items);
        // One grant to connect, one renewal: a refresh for a person's grant, a new client-credentials token for the DMSA.
        Assert.Equal(2, h.Fake.TokenGrants);
    }

    [Fact]
    public async Task Page_Throttled429_WaitsRetryAfterAndRetries()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(1);
        await h.ConnectServiceAccountAsync();
        h.Fake.ThrottleNext = 2;
        var api = h.Get<ProcoreApi>();

        var page = await api.PageAsync(h.Tenant, api.ListUrl($"/rest/v1.0/vendors?company_id={FakeProcore.CompanyId}", 1), Ct);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal(2, h.Fake.Throttled);
    }

    [Fact]
    public async Task Page_ThrottledPastRetries_FailsWith429()
    {
        await using var h = await ProcoreHarness.StartAsync(new() { ["Procore:MaxThrottleRetries"] = "1" });
        h.Seed(1);
        await h.ConnectServiceAccountAsync();
        h.Fake.ThrottleNext = 5;
        var api = h.Get<ProcoreApi>();

        var ex = await Assert.ThrowsAsync<ProcoreApiException>(() =>
            api.PageAsync(h.Tenant, api.ListUrl($"/rest/v1.0/vendors?company_id={FakeProcore.CompanyId}", 1), Ct));

        Assert.Equal(429, ex.Status);
        Assert.Contains("surpassed the max number of requests", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RateWindowRunsOut_WaitsForResetInsteadOfBeing429d()
    {
        // Issue 14: the client and the fake share a clock on which a wait ends at once, so no real second has to pass
        // between the client's wait and the fake's window (this test failed under load when both read the real clock).
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        await using var h = await ProcoreHarness.StartAsync(clock: clock);
        h.Seed(1);
        // A spike window as rate_limiting.md describes, made small: 6 requests a second.
        (h.Fake.RateLimit, h.Fake.RateWindow) = (6, TimeSpan.FromSeconds(1));
        await h.ConnectServiceAccountAsync();
        var started = clock.GetUtcNow();

        var report = await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(0, h.Fake.Throttled);
        // Every window of 6 requests but the last ends in a wait: at least requests / 6 - 1 of them, each moving the clock.
        Assert.True(report.RateLimitWaits >= report.Requests / 6 - 1, $"waited {report.RateLimitWaits} times for {report.Requests} requests");
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(report.RateLimitWaits), $"the clock moved {clock.GetUtcNow() - started}");
    }

    [Fact]
    public async Task Get_NoConnection_SaysHowToConnect()
    {
        await using var h = await ProcoreHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<ProcoreNotConnectedException>(() => h.Get<ProcoreApi>().GetAsync(h.Tenant, "/rest/v1.0/me", Ct));

        Assert.Contains("backoffice connect procore --tenant acme", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectServiceAccount_WrongSecret_RefusedAndNothingStored()
    {
        await using var h = await ProcoreHarness.StartAsync(new() { ["Procore:ClientSecret"] = "wrong" });
        h.Seed(0);

        var ex = await Assert.ThrowsAsync<ProcoreOAuthException>(h.ConnectServiceAccountAsync);

        Assert.Equal("invalid_client", ex.Code);
        Assert.Empty(await h.Tenant.Procore.ListAsync(Ct));
    }
}
