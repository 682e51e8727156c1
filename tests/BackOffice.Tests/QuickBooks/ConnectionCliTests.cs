using System.Security.Cryptography;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13 through the command line: connect and disconnect are audited like the console's; a wrong
/// Connectors:EncryptionKey is a plain exit-1 error naming the setting, and `connections rekey` moves the tokens to a new key. Settings come from the environment, so this runs in the
/// QuickBooks CLI collection.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class ConnectionCliTests : IAsyncLifetime
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly TempDataDirectory _dir = new();
    private readonly EnvironmentSettings _settings = new("BACKOFFICE_QuickBooks__");
    private readonly EnvironmentSettings _keys = new("BACKOFFICE_Connectors__");
    private FakeQuickBooks _fake = null!;
    private CliRunner _cli = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeQuickBooks.StartAsync();
        _cli = new CliRunner(_dir.Root);
        foreach (var (name, value) in _fake.ProductSettings())
        {
            _settings.Set(name, value);
        }

        _settings.SetCallbackOnFreePort();
        _keys.Set("EncryptionKey", KeyA);
        await _cli.OkAsync("tenant", "create", "acme");
        await _cli.OkAsync("users", "add", "sam", "--role", "admin");
        QuickBooksHarness.SeedCompanyInto(_fake);
        await QuickBooksEndToEndTests.ConnectThroughBrowserAsync(_dir, _fake);
    }

    [Fact]
    public async Task ConnectDisconnect_FromTheCli_AuditedWithoutTokensAndTheChainVerifies()
    {
        await _cli.OkAsync("disconnect", "quickbooks", "--tenant", "acme", "--as", "sam");

        var events = (await _cli.OkAsync("audit", "list", "--tenant", "acme", "--subject", "connection:quickbooks", "--json")).Json.AsArray();
        Assert.Equal(["connection.connected", "connection.disconnected"], events.Select(e => (string)e!["kind"]!));
        Assert.All(events, e =>
        {
            Assert.Equal("sam", (string?)e!["actor"]);
            var data = e["data"]!.ToJsonString();
            Assert.Contains($"\"account\":\"{_fake.Realm}\"", data, StringComparison.Ordinal);
            Assert.Contains("\"via\":\"cli\"", data, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", data, StringComparison.Ordinal);
            Assert.DoesNotContain("AB11", data, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)e["at"]));
        });
        await _cli.OkAsync("audit", "verify");
    }

    [Fact]
    public async Task Sync_WrongKey_ExitsOneNamingTheSetting()
    {
        _keys.Set("EncryptionKey", KeyB);
        var requests = _fake.ApiRequests;

        var run = await _cli.RunAsync("sync", "--tenant", "acme");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Connectors:EncryptionKey", run.Error, StringComparison.Ordinal);
        Assert.Equal(requests, _fake.ApiRequests);
    }

    [Fact]
    public async Task Rekey_NewKeyWithOldAsPrevious_ThenNewKeyAloneSyncs()
    {
        _keys.Set("EncryptionKey", KeyB);
        _keys.Set("PreviousKeys__0", KeyA);

        var rekey = await _cli.OkAsync("connections", "rekey", "--as", "sam", "--json");

        Assert.Equal(1, (int)rekey.Json.AsArray().Single()!["quickbooks"]!);
        _keys.Set("PreviousKeys__0", null);
        await _cli.OkAsync("sync", "--tenant", "acme");
        _keys.Set("EncryptionKey", KeyA);
        Assert.Equal(1, (await _cli.RunAsync("sync", "--tenant", "acme")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        _settings.Dispose();
        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
