using System.Text.Json.Nodes;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13 end to end from synced books only, through the `backoffice` command line: connect to the fake QuickBooks,
/// sync, sweep, and a ledger proposal computed from what the sync brought (the allowance for doubtful accounts over the
/// A/R aging, issue 16) approved, executed into QuickBooks as a JournalEntry and undone. No bundle and no SQL: the
/// project side is empty and the only other input is configuration.
/// </summary>
[Collection(nameof(QuickBooksCliCollection))]
public sealed class QuickBooksSyncedBooksEndToEndTests : IAsyncLifetime
{
    private const string AllowanceAccount = "70", ExpenseAccount = "71";
    private readonly EnvironmentSettings _collections = new("BACKOFFICE_Collections__");
    private QuickBooksCliHarness _qbo = null!;

    public async Task InitializeAsync()
    {
        // The same 10% on every aging class, so the figure does not depend on the day the test runs.
        foreach (var label in new[] { "current", "1-30", "31-60", "61-90", "over 90" })
        {
            _collections.Set($"Allowance__Rates__{label}", "10");
        }

        _collections.Set("Allowance__AllowanceAccount", AllowanceAccount);
        _collections.Set("Allowance__ExpenseAccount", ExpenseAccount);
        _qbo = await QuickBooksCliHarness.StartAsync(lead: "collections");
    }

    [Fact]
    public async Task ConnectSyncSweepApproveExecuteUndo_AllowanceFromSyncedAging_LandsInQuickBooksAndLeaves()
    {
        QuickBooksHarness.SeedCompanyInto(_qbo.Fake);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        _qbo.Fake.Add("Account", new JsonObject { ["Id"] = AllowanceAccount, ["Name"] = "Allowance for Doubtful Accounts", ["AcctNum"] = "1210", ["AccountType"] = "Other Current Asset", ["Active"] = true }, before);
        _qbo.Fake.Add("Account", new JsonObject { ["Id"] = ExpenseAccount, ["Name"] = "Bad Debt Expense", ["AcctNum"] = "6150", ["AccountType"] = "Expense", ["Active"] = true }, before);
        await _qbo.ConnectThroughBrowserAsync();

        await _qbo.Cli.OkAsync("sync", "--tenant", "acme");
        await _qbo.Cli.OkAsync("sweep", "--tenant", "acme");

        // Invoice 1001 is $5,000 with $2,500 paid: $2,500 open, 10% of it is the $250.00 the allowance should hold.
        var proposal = (await _qbo.Cli.OkAsync("proposals", "list", "--agent", "collections", "--json")).Json.AsArray()
            .Single(p => (string?)p!["actionKind"] == AllowanceEntryPayload.Kind)!;
        Assert.Contains("$250.00", (string)proposal["title"]!, StringComparison.Ordinal);
        var id = proposal["id"]!.ToString();
        await _qbo.ApproveOnQuickBooksAsync("collections", id);
        await _qbo.Cli.OkAsync("proposals", "execute", id, "--as", "dana");

        var entry = Assert.Single(_qbo.Fake.All("JournalEntry"));
        var lines = entry["Line"]!.AsArray().Select(l => (
            Account: l!["JournalEntryLineDetail"]!["AccountRef"]!["value"]!.ToString(),
            Posting: l["JournalEntryLineDetail"]!["PostingType"]!.ToString(),
            Amount: l["Amount"]!.GetValue<decimal>())).OrderBy(l => l.Account).ToList();
        Assert.Equal([(AllowanceAccount, "Credit", 250.00m), (ExpenseAccount, "Debit", 250.00m)], lines);

        await _qbo.Cli.OkAsync("proposals", "undo", id, "--as", "dana");

        Assert.Empty(_qbo.Fake.All("JournalEntry"));
        var again = (await _qbo.Cli.OkAsync("sync", "--tenant", "acme", "--json")).Json;
        Assert.All(again["entities"]!.AsArray(), e => Assert.Equal((0, 0, 0), ((int)e!["added"]!, (int)e["changed"]!, (int)e["deleted"]!)));
        Assert.Equal(0, (await _qbo.Cli.RunAsync("audit", "verify")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        _collections.Dispose();
        await _qbo.DisposeAsync();
    }
}
