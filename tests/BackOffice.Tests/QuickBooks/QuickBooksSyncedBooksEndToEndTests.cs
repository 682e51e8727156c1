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
    private readonly TempDataDirectory _dir = new();
    private readonly EnvironmentSettings _quickBooks = new("BACKOFFICE_QuickBooks__");
    private readonly EnvironmentSettings _collections = new("BACKOFFICE_Collections__");
    private FakeQuickBooks _fake = null!;
    private CliRunner _cli = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeQuickBooks.StartAsync();
        _cli = new CliRunner(_dir.Root);
        foreach (var (name, value) in _fake.ProductSettings())
        {
            _quickBooks.Set(name, value);
        }

        _quickBooks.SetCallbackOnFreePort();
        // The same 10% on every aging class, so the figure does not depend on the day the test runs.
        foreach (var label in new[] { "current", "1-30", "31-60", "61-90", "over 90" })
        {
            _collections.Set($"Allowance__Rates__{label}", "10");
        }

        _collections.Set("Allowance__AllowanceAccount", AllowanceAccount);
        _collections.Set("Allowance__ExpenseAccount", ExpenseAccount);
        await _cli.OkAsync("tenant", "create", "acme");
        await _cli.OkAsync("users", "add", "sam", "--role", "admin");
        await _cli.OkAsync("users", "add", "dana", "--role", "lead", "--department", "collections", "--as", "sam");
    }

    [Fact]
    public async Task ConnectSyncSweepApproveExecuteUndo_AllowanceFromSyncedAging_LandsInQuickBooksAndLeaves()
    {
        QuickBooksHarness.SeedCompanyInto(_fake);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        _fake.Add("Account", new JsonObject { ["Id"] = AllowanceAccount, ["Name"] = "Allowance for Doubtful Accounts", ["AcctNum"] = "1210", ["AccountType"] = "Other Current Asset", ["Active"] = true }, before);
        _fake.Add("Account", new JsonObject { ["Id"] = ExpenseAccount, ["Name"] = "Bad Debt Expense", ["AcctNum"] = "6150", ["AccountType"] = "Expense", ["Active"] = true }, before);
        await QuickBooksEndToEndTests.ConnectThroughBrowserAsync(_dir, _fake);

        await _cli.OkAsync("sync", "--tenant", "acme");
        await _cli.OkAsync("sweep", "--tenant", "acme");

        // Invoice 1001 is $5,000 with $2,500 paid: $2,500 open, 10% of it is the $250.00 the allowance should hold.
        var proposal = (await _cli.OkAsync("proposals", "list", "--agent", "collections", "--json")).Json.AsArray()
            .Single(p => (string?)p!["actionKind"] == AllowanceEntryPayload.Kind)!;
        Assert.Contains("$250.00", (string)proposal["title"]!, StringComparison.Ordinal);
        var id = proposal["id"]!.ToString();
        await _cli.OkAsync("target", "quickbooks", "--tenant", "acme", "--as", "sam");
        await _cli.OkAsync("writes", "on", "--as", "sam");
        await _cli.OkAsync("agents", "set", "collections", "--writes", "on", "--as", "sam");
        await _cli.OkAsync("proposals", "approve", id, "--as", "dana");
        await _cli.OkAsync("proposals", "execute", id, "--as", "dana");

        var entry = Assert.Single(_fake.All("JournalEntry"));
        var lines = entry["Line"]!.AsArray().Select(l => (
            Account: l!["JournalEntryLineDetail"]!["AccountRef"]!["value"]!.ToString(),
            Posting: l["JournalEntryLineDetail"]!["PostingType"]!.ToString(),
            Amount: l["Amount"]!.GetValue<decimal>())).OrderBy(l => l.Account).ToList();
        Assert.Equal([(AllowanceAccount, "Credit", 250.00m), (ExpenseAccount, "Debit", 250.00m)], lines);

        await _cli.OkAsync("proposals", "undo", id, "--as", "dana");

        Assert.Empty(_fake.All("JournalEntry"));
        var again = (await _cli.OkAsync("sync", "--tenant", "acme", "--json")).Json;
        Assert.All(again["entities"]!.AsArray(), e => Assert.Equal((0, 0, 0), ((int)e!["added"]!, (int)e["changed"]!, (int)e["deleted"]!)));
        Assert.Equal(0, (await _cli.RunAsync("audit", "verify")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        _quickBooks.Dispose();
        _collections.Dispose();
        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
