using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: when CompanyInfo cannot be read after the code exchange, `connect quickbooks` revokes the grant Intuit just
/// issued (POST to the revoke endpoint, Basic client authentication, the refresh token in a JSON body: Intuit's
/// oauth-pythonclient and oauth-jsclient revoke, qbo.md section 1) before it reports the error, and stores nothing.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class QuickBooksConnectRevokeTests : IAsyncLifetime
{
    private QuickBooksCliHarness _qbo = null!;

    private FakeQuickBooks Fake => _qbo.Fake;

    public async Task InitializeAsync()
    {
        _qbo = await QuickBooksCliHarness.StartAsync();
        Fake.CompanyInfoFails = true;
    }

    [Fact]
    public async Task Connect_CompanyInfo500_RevokesTheGrantOnceStoresNothingAndSaysBoth()
    {
        var (exit, output, error) = await QuickBooksCliHarness.RunConnectAsync(_qbo.Dir);

        Assert.Equal(1, exit);
        var revoked = Assert.Single(Fake.RevokeCalls);
        Assert.Contains(revoked, Fake.IssuedRefreshTokens);
        Assert.StartsWith("AB11", revoked, StringComparison.Ordinal);
        var said = error + output;
        Assert.Contains("(CompanyInfo) could not be read", said, StringComparison.Ordinal);
        Assert.Contains("error 10000", said, StringComparison.Ordinal);
        Assert.Contains("was revoked; nothing was stored", said, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Connect_CompanyInfo500AndRevokeFails_SaysToRemoveTheAppInIntuit()
    {
        Fake.FailRevoke = true;

        var (exit, output, error) = await QuickBooksCliHarness.RunConnectAsync(_qbo.Dir);

        Assert.Equal(1, exit);
        Assert.Single(Fake.RevokeCalls);
        var said = error + output;
        Assert.Contains("Revoking the grant Intuit had just issued failed too", said, StringComparison.Ordinal);
        Assert.Contains("Manage apps", said, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        using var source = new TenantDataSource(_qbo.Dir.Data, TimeProvider.System);
        Assert.Null(await source.For("acme").QuickBooks.CurrentAsync(CancellationToken.None));
        var audit = await _qbo.Cli.OkAsync("audit", "list", "--tenant", "acme", "--json");
        Assert.DoesNotContain("connection.connected", audit.Out, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _qbo.DisposeAsync();
}
