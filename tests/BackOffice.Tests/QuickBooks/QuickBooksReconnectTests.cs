using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13 through the command line: a connection whose refresh token QuickBooks refuses (invalid_grant) fails
/// execution closed and becomes the admin's finding; a refresh due while executing no longer waits on the gate's own
/// write transaction. Shares the CLI collection: the settings are environment variables.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class QuickBooksReconnectTests : IAsyncLifetime
{
    private readonly TempDataDirectory _dir = new();
    private readonly EnvironmentSettings _settings = new("BACKOFFICE_QuickBooks__");
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

        await _cli.OkAsync("tenant", "create", "acme");
        await _cli.OkAsync("users", "add", "sam", "--role", "admin");
        await _cli.OkAsync("users", "add", "dana", "--role", "lead", "--department", "finance", "--as", "sam");
    }

    [Fact]
    public async Task Execute_GrantRevokedInQuickBooks_FailsClosedAndSweepTellsTheAdmin()
    {
        var id = await ApprovedBillOnQuickBooksAsync();
        _fake.RevokeGrant();

        var execute = await _cli.RunAsync("proposals", "execute", id, "--as", "dana");

        Assert.Equal(1, execute.ExitCode);
        Assert.Contains("QuickBooks for tenant acme needs reconnecting", execute.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
        var listed = (await _cli.OkAsync("connections", "list", "--json")).Json.AsArray().Single()!;
        Assert.Equal("needs-reconnect", (string?)listed["status"]);
        var sweep = (await _cli.OkAsync("sweep", "--tenant", "acme", "--agent", "financial", "--json")).Json.AsArray().Single()!;
        var finding = Assert.Single(sweep["findings"]!.AsArray());
        Assert.Equal("ledger-needs-reconnect", (string?)finding!["check"]);
        Assert.Equal((int)Severity.Critical, (int)finding["severity"]!);
        Assert.Contains("backoffice connect quickbooks --tenant acme", (string?)finding["narrative"], StringComparison.Ordinal);
        Assert.Equal(0, (int)sweep["proposalsCreated"]!);
    }

    [Fact]
    public async Task Execute_AccessTokenExpired_RefreshesOutsideTheClaimAndWritesOneBill()
    {
        var id = await ApprovedBillOnQuickBooksAsync();
        var refreshesBefore = _fake.Refreshes;
        _fake.ExpireAccessTokens();

        await _cli.OkAsync("proposals", "execute", id, "--as", "dana");

        Assert.Single(_fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
        Assert.Equal(refreshesBefore + 1, _fake.Refreshes);
    }

    /// <summary>Connected, synced, swept, target QuickBooks, writes on, the drafted bill for RP-1042 approved.</summary>
    private async Task<string> ApprovedBillOnQuickBooksAsync()
    {
        QuickBooksHarness.SeedCompanyInto(_fake);
        await ConnectAsync();
        await _cli.OkAsync("sync", "--tenant", "acme");
        await QuickBooksEndToEndTests.SeedProjectSideAsync(_dir);
        await _cli.OkAsync("sweep", "--tenant", "acme", "--agent", "financial");
        var id = (await _cli.OkAsync("proposals", "list", "--agent", "financial", "--json")).Json.AsArray()
            .Single(p => (string?)p!["actionKind"] == CreateBillPayload.Kind)!["id"]!.ToString();
        await _cli.OkAsync("target", "quickbooks", "--tenant", "acme", "--as", "sam");
        await _cli.OkAsync("writes", "on", "--as", "sam");
        await _cli.OkAsync("agents", "set", "financial", "--writes", "on", "--as", "sam");
        await _cli.OkAsync("proposals", "approve", id, "--as", "dana");
        return id;
    }

    private async Task ConnectAsync()
    {
        _settings.SetCallbackOnFreePort();
        await QuickBooksEndToEndTests.ConnectThroughBrowserAsync(_dir, _fake);
    }

    public async Task DisposeAsync()
    {
        _settings.Dispose();

        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
