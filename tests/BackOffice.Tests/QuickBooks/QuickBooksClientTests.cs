using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>Issue 13: OAuth, tokens at rest, 401/429 handling and per-realm limits against the loopback fake.</summary>
public sealed class QuickBooksClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Connect_AuthorizationCode_StoresEncryptedTokensAndCompanyName()
    {
        await using var h = await QuickBooksHarness.StartAsync();
        var connection = await h.ConnectAsync();

        Assert.Equal(h.Fake.Realm, connection.RealmId);
        Assert.Equal(FakeQuickBooks.CompanyName, connection.CompanyName);
        await using var c = await h.Tenant.OpenAsync(Ct);
        var stored = await c.QuerySingleAsync<(string Access, string Refresh)>("SELECT access_token, refresh_token FROM quickbooks_connections");
        // Intuit's tokens start "eyJ" and "AB11" in the fake, as in Intuit's mocks; at rest they must not appear.
        Assert.DoesNotContain("eyJ", stored.Access, StringComparison.Ordinal);
        Assert.DoesNotContain("AB11", stored.Refresh, StringComparison.Ordinal);
        Assert.StartsWith("AB11", h.Get<ITokenProtector>().Unprotect(stored.Refresh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ExpiredAccessToken_RefreshesOnceAndRetries()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.ExpireAccessTokens();

        var page = await h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Vendor STARTPOSITION 1 MAXRESULTS 10", Ct);

        Assert.Single(page["Vendor"]!.AsArray());
        Assert.Equal(1, h.Fake.Refreshes);
    }

    [Fact]
    public async Task Query_Throttled_WaitsAndRetries()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        h.Fake.ThrottleNext = 2;

        var page = await h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Account", Ct);

        Assert.Equal(2, page["Account"]!.AsArray().Count);
        Assert.Equal(0, h.Fake.ThrottleNext);
    }

    [Fact]
    public async Task Query_ThrottledPastRetries_FailsWith3001()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["QuickBooks:MaxThrottleRetries"] = "1" });
        await h.ConnectAsync();
        h.Fake.ThrottleNext = 5;

        var error = await Assert.ThrowsAsync<QuickBooksFaultException>(() => h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Account", Ct));

        Assert.Equal("3001", error.Code);
        Assert.Equal(429, error.Status);
    }

    [Fact]
    public async Task AccessToken_ConcurrentCallersAfterExpiry_RefreshSingleFlight()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync(new() { ["QuickBooks:MaxConcurrentPerRealm"] = "3" });
        h.Fake.ExpireAccessTokens();
        var api = h.Get<QuickBooksApi>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.QueryAsync(h.Tenant, "SELECT * FROM Account", Ct)));

        Assert.Equal(1, h.Fake.Refreshes);
        Assert.Equal(0, h.Fake.SpentRefreshTokenReuses);
        Assert.InRange(h.Fake.PeakConcurrency, 1, 3);
    }

    [Fact]
    public async Task Query_GrantRevoked_MarksNeedsReconnectAndFailsClosed()
    {
        await using var h = await QuickBooksHarness.StartAsync();
        await h.ConnectAsync();
        h.Fake.RevokeGrant();

        await Assert.ThrowsAsync<QuickBooksReconnectException>(() => h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Account", Ct));

        var connection = await h.Tenant.QuickBooks.CurrentAsync(Ct);
        Assert.Equal(QuickBooksConnection.NeedsReconnect, connection!.Status);
        // A second call does not spend the dead refresh token again: it fails closed at once.
        await Assert.ThrowsAsync<QuickBooksReconnectException>(() => h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Account", Ct));
        Assert.Equal(1, h.Fake.Refreshes);
    }

    [Fact]
    public async Task Query_NotConnected_SaysHowToConnect()
    {
        await using var h = await QuickBooksHarness.StartAsync();

        var error = await Assert.ThrowsAsync<QuickBooksNotConnectedException>(() => h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Account", Ct));

        Assert.Contains("connect quickbooks --tenant acme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownEntity_FaultNamesTheQuery()
    {
        await using var h = await QuickBooksHarness.StartAsync();
        await h.ConnectAsync();

        var error = await Assert.ThrowsAsync<QuickBooksFaultException>(() => h.Get<QuickBooksApi>().QueryAsync(h.Tenant, "SELECT * FROM Widget", Ct));

        Assert.Equal("4000", error.Code);
        Assert.Contains("Widget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheSecret()
    {
        var options = new QuickBooksOptions { ClientId = "id-123", ClientSecret = "s3cr3t-value" };

        Assert.DoesNotContain("s3cr3t-value", options.ToString(), StringComparison.Ordinal);
    }
}
