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
    private readonly EnvironmentSettings _keys = new("BACKOFFICE_Connectors__");
    private QuickBooksCliHarness _qbo = null!;

    public async Task InitializeAsync()
    {
        _keys.Set("EncryptionKey", KeyA);
        _qbo = await QuickBooksCliHarness.StartAsync();
        QuickBooksHarness.SeedCompanyInto(_qbo.Fake);
        await _qbo.ConnectThroughBrowserAsync();
    }

    [Fact]
    public async Task ConnectDisconnect_FromTheCli_AuditedWithoutTokensAndTheChainVerifies()
    {
        await _qbo.Cli.OkAsync("disconnect", "quickbooks", "--tenant", "acme", "--as", "sam");

        var events = (await _qbo.Cli.OkAsync("audit", "list", "--tenant", "acme", "--subject", "connection:quickbooks", "--json")).Json.AsArray();
        Assert.Equal(["connection.connected", "connection.disconnected"], events.Select(e => (string)e!["kind"]!));
        Assert.All(events, e =>
        {
            Assert.Equal("sam", (string?)e!["actor"]);
            var data = e["data"]!.ToJsonString();
            Assert.Contains($"\"account\":\"{_qbo.Fake.Realm}\"", data, StringComparison.Ordinal);
            Assert.Contains("\"via\":\"cli\"", data, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", data, StringComparison.Ordinal);
            Assert.DoesNotContain("AB11", data, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)e["at"]));
        });
        await _qbo.Cli.OkAsync("audit", "verify");
    }

    [Fact]
    public async Task Sync_WrongKey_ExitsOneNamingTheSetting()
    {
        _keys.Set("EncryptionKey", KeyB);
        var requests = _qbo.Fake.ApiRequests;

        var run = await _qbo.Cli.RunAsync("sync", "--tenant", "acme");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Connectors:EncryptionKey", run.Error, StringComparison.Ordinal);
        Assert.Equal(requests, _qbo.Fake.ApiRequests);
    }

    [Fact]
    public async Task Rekey_NewKeyWithOldAsPrevious_ThenNewKeyAloneSyncs()
    {
        _keys.Set("EncryptionKey", KeyB);
        _keys.Set("PreviousKeys__0", KeyA);

        var rekey = await _qbo.Cli.OkAsync("connections", "rekey", "--as", "sam", "--json");

        Assert.Equal(1, (int)rekey.Json.AsArray().Single()!["quickbooks"]!);
        _keys.Set("PreviousKeys__0", null);
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
        _keys.Set("EncryptionKey", KeyA);
        Assert.Equal(1, (await _qbo.Cli.RunAsync("sync", "--tenant", "acme")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _qbo.DisposeAsync();
    }
}
