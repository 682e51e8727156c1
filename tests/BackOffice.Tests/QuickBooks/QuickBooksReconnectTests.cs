using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
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
    private QuickBooksCliHarness _qbo = null!;

    public async Task InitializeAsync() => _qbo = await QuickBooksCliHarness.StartAsync(lead: "finance");

    [Fact]
    public async Task Execute_GrantRevokedInQuickBooks_FailsClosedAndSweepTellsTheAdmin()
    {
        var id = await ApprovedBillOnQuickBooksAsync();
        _qbo.Fake.RevokeGrant();

        var execute = await _qbo.Cli.RunAsync("proposals", "execute", id, "--as", "dana");

        Assert.Equal(1, execute.ExitCode);
        Assert.Contains("QuickBooks for tenant acme needs reconnecting", execute.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_qbo.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
        var listed = (await _qbo.Cli.OkAsync("connections", "list", "--json")).Json.AsArray().Single()!;
        Assert.Equal("needs-reconnect", (string?)listed["status"]);
        var sweep = (await _qbo.Cli.OkAsync("sweep", "--tenant", "acme", "--agent", "financial", "--json")).Json.AsArray().Single()!;
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
        var refreshesBefore = _qbo.Fake.Refreshes;
        _qbo.Fake.ExpireAccessTokens();

        await _qbo.Cli.OkAsync("proposals", "execute", id, "--as", "dana");

        Assert.Single(_qbo.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-1042");
        Assert.Equal(refreshesBefore + 1, _qbo.Fake.Refreshes);
    }

    /// <summary>Connected, synced, swept, target QuickBooks, writes on, the drafted bill for RP-1042 approved.</summary>
    private async Task<string> ApprovedBillOnQuickBooksAsync()
    {
        QuickBooksHarness.SeedCompanyInto(_qbo.Fake);
        await _qbo.ConnectThroughBrowserAsync();
        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
        await QuickBooksEndToEndTests.SeedProjectSideAsync(_qbo.Dir);
        await _qbo.Cli.OkAsync("sweep", "--tenant", "acme", "--agent", "financial");
        var id = (await _qbo.Cli.OkAsync("proposals", "list", "--agent", "financial", "--json")).Json.AsArray()
            .Single(p => (string?)p!["actionKind"] == CreateBillPayload.Kind)!["id"]!.ToString();
        await _qbo.ApproveOnQuickBooksAsync("financial", id);
        return id;
    }

    public async Task DisposeAsync() => await _qbo.DisposeAsync();
}
