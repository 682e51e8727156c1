using System.Security.Cryptography;
using BackOffice.Host.Composition;
using BackOffice.Host.Connectors;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Keys;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.QuickBooks;

/// <summary>Issue 13: connector tokens encrypted with a configured key (AES-GCM, key id beside the ciphertext), rotation and rekey.</summary>
public sealed class ConnectorKeyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Connect_ConfiguredKey_CiphertextCarriesKeyIdAndNotTheToken()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        await h.ConnectAsync();

        var (access, refresh) = await StoredAsync(h.Tenant);
        var id = ConnectorKey.Parse(KeyA, "test").Id;
        Assert.StartsWith($"k1:{id}:", access, StringComparison.Ordinal);
        Assert.StartsWith($"k1:{id}:", refresh, StringComparison.Ordinal);
        // The fake's tokens start "eyJ" (access) and "AB11" (refresh), as in Intuit's mocks; neither may show at rest, even base64-encoded.
        foreach (var plain in new[] { h.Get<ITokenProtector>().Unprotect(access), h.Get<ITokenProtector>().Unprotect(refresh) })
        {
            Assert.DoesNotContain(plain, access + refresh, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plain)), access + refresh, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Connect_NoKeyConfigured_GeneratesOwnerOnlyKeyFileInDataDirectory()
    {
        await using var h = await QuickBooksHarness.StartAsync();
        await h.ConnectAsync();

        var file = Path.Combine(h.Directory.Data.Root, "keys", "connectors.key");
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(file)).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.StartsWith($"k1:{h.Get<ConnectorKeyRing>().Current().Id}:", (await StoredAsync(h.Tenant)).Access, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupCheck_WrongKey_RefusesNamingTheSettingAndTheConnection()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        await h.ConnectAsync();
        using var other = Host(h, new() { ["Connectors:EncryptionKey"] = KeyB });

        var check = ActivatorUtilities.CreateInstance<ConnectorKeyStartupCheck>(other.Services);
        var error = await Assert.ThrowsAsync<ConnectorKeyException>(() => check.StartAsync(Ct));

        Assert.Contains("Connectors:EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.Contains($"QuickBooks realm {h.Fake.Realm}", error.Message, StringComparison.Ordinal);
        Assert.Contains(ConnectorKey.Parse(KeyA, "test").Id, error.Message, StringComparison.Ordinal);
        // Never a silent re-connect: the row is as it was and still connected.
        var still = await other.Services.GetRequiredService<TenantDataSource>().For("acme").QuickBooks.CurrentAsync(Ct);
        Assert.Equal(QuickBooksConnection.Connected, still!.Status);
    }

    [Fact]
    public async Task Api_WrongKey_FailsWithNamedErrorAndSendsNothing()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        await h.ConnectAsync();
        using var other = Host(h, new() { ["Connectors:EncryptionKey"] = KeyB });
        var requests = h.Fake.ApiRequests;
        h.Fake.ExpireAccessTokens();

        var error = await Assert.ThrowsAsync<ConnectorKeyException>(() => other.Services.GetRequiredService<QuickBooksApi>()
            .QueryAsync(other.Services.GetRequiredService<TenantDataSource>().For("acme"), "SELECT * FROM Account", Ct));

        Assert.Contains("Connectors:PreviousKeys", error.Message, StringComparison.Ordinal);
        Assert.Equal(requests, h.Fake.ApiRequests);
        Assert.Equal(0, h.Fake.Refreshes);
    }

    [Fact]
    public async Task Rekey_RotatedKey_OldRowsReadableThenReEncryptedWithTheNewKey()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        await h.ConnectAsync();
        var before = await StoredAsync(h.Tenant);
        var plain = h.Get<ITokenProtector>().Unprotect(before.Refresh);
        using var rotated = Host(h, new() { ["Connectors:EncryptionKey"] = KeyB, ["Connectors:PreviousKeys:0"] = KeyA });
        var tenant = rotated.Services.GetRequiredService<TenantDataSource>().For("acme");

        Assert.Empty(await rotated.Services.GetRequiredService<ConnectorKeyCheck>().ProblemsAsync(tenant, Ct));
        var done = await rotated.Services.GetRequiredService<ConnectorKeyCheck>().RekeyAsync(tenant, Ct);

        Assert.Equal(1, done.QuickBooksRows);
        var after = await StoredAsync(tenant);
        Assert.StartsWith($"k1:{ConnectorKey.Parse(KeyB, "test").Id}:", after.Refresh, StringComparison.Ordinal);
        using var newOnly = Host(h, new() { ["Connectors:EncryptionKey"] = KeyB });
        Assert.Equal(plain, newOnly.Services.GetRequiredService<ITokenProtector>().Unprotect(after.Refresh));
        Assert.Equal(0, (await rotated.Services.GetRequiredService<ConnectorKeyCheck>().RekeyAsync(tenant, Ct)).QuickBooksRows);
    }

    [Fact]
    public async Task Rekey_DataProtectionRow_IsReadAndRewrittenWithTheKey()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        await h.ConnectAsync();
        // A row as written before this change: ASP.NET Core Data Protection, no key id.
        var legacy = h.Get<DataProtectionTokenProtector>().Protect("AB11-legacy-refresh");
        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            await c.ExecuteAsync("UPDATE quickbooks_connections SET refresh_token = @legacy", new { legacy });
        }

        Assert.Equal("AB11-legacy-refresh", h.Get<ITokenProtector>().Unprotect(legacy));
        await h.Get<ConnectorKeyCheck>().RekeyAsync(h.Tenant, Ct);

        var after = await StoredAsync(h.Tenant);
        Assert.StartsWith("k1:", after.Refresh, StringComparison.Ordinal);
        Assert.Equal("AB11-legacy-refresh", h.Get<ITokenProtector>().Unprotect(after.Refresh));
    }

    [Fact]
    public async Task Unprotect_AlteredCiphertext_NamedError()
    {
        await using var h = await QuickBooksHarness.StartAsync(new() { ["Connectors:EncryptionKey"] = KeyA });
        var text = h.Get<ITokenProtector>().Protect("secret");
        var altered = text[..^4] + (text[^4] == 'A' ? "B" : "A") + text[^3..];

        var error = Assert.Throws<ConnectorKeyException>(() => h.Get<ITokenProtector>().Unprotect(altered));

        Assert.Contains("altered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "holds 31 bytes")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "holds 33 bytes")]
    public void Parse_BadKey_NamesTheSetting(string value, string expected)
    {
        var error = Assert.Throws<ConnectorKeyException>(() => ConnectorKey.Parse(value, "Connectors:EncryptionKey"));

        Assert.StartsWith("Connectors:EncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_KeyFileMissing_NamesTheSettingAndNeverCreatesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing.key");
        var ring = new ConnectorKeyRing(new ConnectorKeyOptions { EncryptionKeyFile = path }, Path.Combine(Path.GetTempPath(), "unused.key"));

        var error = Assert.Throws<ConnectorKeyException>(() => ring.Current());

        Assert.Contains("Connectors:EncryptionKeyFile", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private static IHost Host(QuickBooksHarness h, Dictionary<string, string?> settings)
    {
        var builder = BackOfficeServices.CreateBuilder(h.Directory.Data);
        builder.Configuration.AddInMemoryCollection(h.Settings().Concat(settings));
        return builder.Build();
    }

    private static async Task<(string Access, string Refresh)> StoredAsync(TenantData tenant)
    {
        await using var c = await tenant.OpenAsync(Ct);
        return await c.QuerySingleAsync<(string, string)>("SELECT access_token, refresh_token FROM quickbooks_connections");
    }
}
