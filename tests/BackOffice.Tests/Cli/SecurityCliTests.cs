using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Cli;

/// <summary>Issue 19 from the command line: `tokens list|revoke` for admins, audited; a missing audit key is a clear exit 1.</summary>
public sealed class SecurityCliTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public SecurityCliTests()
    {
        _cli = new CliRunner(_temp.Root);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<CredentialStore> SeedAsync()
    {
        await _cli.OkAsync("tenant", "create", "acme");
        await _cli.OkAsync("users", "add", "sam", "--role", "admin");
        await _cli.OkAsync("users", "add", "dana", "--role", "lead", "--department", "finance", "--as", "sam");
        var data = new DataDirectory(_temp.Root);
        var clock = new FakeTimeProvider();
        var audit = new BackOffice.Store.Audit.AuditStore(clock);
        var users = new UserDirectory(new TenantDataSource(data, clock), clock, audit);
        return new CredentialStore(new TenantDataSource(data, clock), users, audit, clock, new AuthOptions());
    }

    [Fact]
    public async Task TokensRevoke_AsAdmin_ListedRevokedAndAudited()
    {
        var credentials = await SeedAsync();
        var token = await credentials.IssueTokenAsync("dana", "nightly script", "sam", CancellationToken.None);
        var id = BackOffice.Store.Control.SecretTokens.HashOf(token)[..12];

        var listed = await _cli.OkAsync("tokens", "list", "--as", "sam", "--json");
        var revoked = await _cli.OkAsync("tokens", "revoke", id, "--as", "sam");
        var again = await _cli.RunAsync("tokens", "revoke", id, "--as", "sam");

        Assert.Contains(id, listed.Out);
        Assert.Contains("\"expires\"", listed.Out);
        Assert.DoesNotContain(token, listed.Out);
        Assert.Contains($"Revoked token {id} (dana, nightly script).", revoked.Out);
        Assert.Equal(2, again.ExitCode);
        Assert.Null(await credentials.UserForTokenAsync(token, CancellationToken.None));
        var events = await _cli.OkAsync("audit", "list", "--tenant", "control", "--kind", "auth.token-revoked", "--json");
        Assert.Contains("sam", events.Out);
        Assert.Equal(0, (await _cli.RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task TokensList_AsNonAdmin_Refused()
    {
        await SeedAsync();

        var result = await _cli.RunAsync("tokens", "list", "--as", "dana");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Only an admin", result.Error);
    }

    [Fact]
    public async Task AuditVerify_KeyFileMissing_Exit1NamingTheFile()
    {
        await SeedAsync();
        File.Delete(new DataDirectory(_temp.Root).AuditKeyFile);

        var result = await _cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("audit-chain.key is missing", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
