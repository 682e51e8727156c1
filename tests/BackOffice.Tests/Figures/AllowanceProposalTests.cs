using System.Text.Json.Nodes;
using BackOffice.Agents.Collections;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// The allowance for doubtful accounts over the demo (issue 16): the Collections agent proposes the adjusting entry, a
/// collections lead approves, the entry is written to the sandbox ledger, the allowance then needs no adjustment, and undo
/// restores the ledger. The demo ships rates 1/5/14/26/52% (Kimmel's Blue Company) on acct-1190 and acct-6300.
/// </summary>
public sealed class AllowanceProposalTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public AllowanceProposalTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<string?> AdjustmentAsync(string asOf) =>
        (string?)(await _cli.OkAsync("report", "allowance", "--tenant", "demo", "--as-of", asOf, "--json")).Json.AsArray()
        .Single(r => (string?)r!["id"] == "adjustment")!["allowance"];

    [Fact]
    public async Task AllowanceEntry_ApprovedExecutedAndUndone_MovesTheLedgerAndBack()
    {
        await _cli.OkAsync("demo");
        var proposal = (await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "collections", "--json")).Json.AsArray()
            .Single(p => ((string)p!["title"]!).StartsWith("Adjust the allowance", StringComparison.Ordinal))!;
        var id = ((long)proposal["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shown = (await _cli.OkAsync("proposals", "show", id, "--tenant", "demo", "--json")).Json;
        var asOf = (string)shown["payload"]!["txn_date"]!;
        var adjustment = await AdjustmentAsync(asOf);
        Assert.Equal(adjustment, (string?)shown["payload"]!["amount"]);

        await _cli.OkAsync("proposals", "approve", id, "--tenant", "demo", "--as", "carla");
        await _cli.OkAsync("writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("agents", "set", "collections", "--writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("proposals", "execute", id, "--tenant", "demo", "--as", "carla");

        Assert.Equal("0.00", await AdjustmentAsync(asOf));
        await _cli.OkAsync("proposals", "undo", id, "--tenant", "demo", "--as", "carla");
        Assert.Equal(adjustment, await AdjustmentAsync(asOf));
    }

    [Theory]
    [InlineData("0.00", "acct-1190", "amount")]
    [InlineData("10.00", "acct-6300", "expense_account_id")]
    [InlineData("10.001", "acct-6300", "amount")]
    public void Validate_BadEntry_NamesTheField(string amount, string allowanceAccount, string field)
    {
        var payload = new AllowanceEntryPayload("2026-11-15", "m", allowanceAccount, "acct-6300", amount, "10.00", "0.00");

        Assert.Contains(payload.Validate(), p => p.Field == field);
    }

    [Fact]
    public void ToEntry_NegativeAdjustment_DebitsTheAllowance()
    {
        var entry = new AllowanceEntryPayload("2026-11-15", null, "acct-1190", "acct-6300", "-25.50", "74.50", "100.00").ToEntry();

        Assert.Equal(("acct-1190", BackOffice.Store.Ledger.PostingType.Debit, 25.50m),
            (entry.Lines[1].AccountId, entry.Lines[1].PostingType, entry.Lines[1].Amount));
        Assert.Equal(BackOffice.Store.Ledger.PostingType.Credit, entry.Lines[0].PostingType);
    }

    [Theory]
    [InlineData("over 90", "Rates has no percent for the aging class 'over 90'")]
    [InlineData("1-30", "Rates has no percent for the aging class '1-30'")]
    public void Problems_RateMissingForAClass_NamesIt(string missing, string expected)
    {
        var options = new CollectionsOptions { Allowance = Configured() };
        options.Allowance.Rates.Remove(missing);

        Assert.Contains("Collections:Allowance: " + expected, options.Problems());
    }

    [Fact]
    public void Problems_UnknownClassRateOver100AndNoAccounts_AreEachNamed()
    {
        var allowance = Configured();
        allowance.Rates["91-120"] = 10m;
        allowance.Rates["current"] = 101m;
        var options = new CollectionsOptions { Allowance = new AllowanceOptions { Rates = allowance.Rates } };

        var problems = options.Problems();

        Assert.Contains(problems, p => p.Contains("'91-120', which is not an aging class", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Rates:current is 101", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AllowanceAccount and ExpenseAccount are required", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_CustomBucketsWithTheirOwnRates_AreValid()
    {
        // Buckets 0-30/31-60/61-90/91-120/120+ as the issue names them: past-due classes 1-30 ... over 120.
        var options = new CollectionsOptions
        {
            AgingBuckets = [30, 60, 90, 120],
            Allowance = new AllowanceOptions
            {
                Rates = new Dictionary<string, decimal> { ["current"] = 1m, ["1-30"] = 2m, ["31-60"] = 5m, ["61-90"] = 10m, ["91-120"] = 25m, ["over 120"] = 50m },
                AllowanceAccount = "a", ExpenseAccount = "b",
            },
        };

        Assert.Empty(options.Problems());
    }

    private static AllowanceOptions Configured() => new()
    {
        Rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["current"] = 1m, ["1-30"] = 5m, ["31-60"] = 14m, ["61-90"] = 26m, ["over 90"] = 52m },
        AllowanceAccount = "acct-1190",
        ExpenseAccount = "acct-6300",
    };
}
