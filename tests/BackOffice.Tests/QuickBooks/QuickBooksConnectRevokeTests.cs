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
    private readonly TempDataDirectory _dir = new();
    private readonly EnvironmentSettings _settings = new("BACKOFFICE_QuickBooks__");
    private FakeQuickBooks _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeQuickBooks.StartAsync();
        foreach (var (name, value) in _fake.ProductSettings())
        {
            _settings.Set(name, value);
        }

        _settings.SetCallbackOnFreePort();
        var cli = new CliRunner(_dir.Root);
        await cli.OkAsync("tenant", "create", "acme");
        await cli.OkAsync("users", "add", "sam", "--role", "admin");
        _fake.CompanyInfoFails = true;
    }

    [Fact]
    public async Task Connect_CompanyInfo500_RevokesTheGrantOnceStoresNothingAndSaysBoth()
    {
        var (exit, output, error) = await QuickBooksCliHarness.RunConnectAsync(_dir);

        Assert.Equal(1, exit);
        var revoked = Assert.Single(_fake.RevokeCalls);
        Assert.Contains(revoked, _fake.IssuedRefreshTokens);
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
        _fake.FailRevoke = true;

        var (exit, output, error) = await QuickBooksCliHarness.RunConnectAsync(_dir);

        Assert.Equal(1, exit);
        Assert.Single(_fake.RevokeCalls);
        var said = error + output;
        Assert.Contains("Revoking the grant Intuit had just issued failed too", said, StringComparison.Ordinal);
        Assert.Contains("Manage apps", said, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        using var source = new TenantDataSource(_dir.Data, TimeProvider.System);
        Assert.Null(await source.For("acme").QuickBooks.CurrentAsync(CancellationToken.None));
        var audit = await new CliRunner(_dir.Root).OkAsync("audit", "list", "--tenant", "acme", "--json");
        Assert.DoesNotContain("connection.connected", audit.Out, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _settings.Dispose();
        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
