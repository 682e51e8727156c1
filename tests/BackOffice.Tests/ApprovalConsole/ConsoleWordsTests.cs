using BackOffice.Host.ApprovalConsole;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: flags and counts in words on console pages. An account record showed "Active 1" and the email proposal
/// "Days past due: 269 count"; the demo's pages are checked through the console as `serve` builds it.
/// </summary>
public sealed class ConsoleWordsTests(DemoConsole demo) : IClassFixture<DemoConsole>
{
    [Theory]
    [InlineData("active", "1", "Active")]
    [InlineData("active", "0", "Inactive")]
    [InlineData("active", "true", "Active")]
    [InlineData("is_default", "1", "Yes")]
    [InlineData("is_project", "0", "No")]
    [InlineData("writes_enabled", "1", "Yes")]
    [InlineData("over90Committed", "True", "Yes")]
    [InlineData("over90Committed", "False", "No")]
    [InlineData("quantity", "1", null)]
    [InlineData("active", "2", null)]
    [InlineData("memo", "yes", null)]
    public void Flag_StoredZeroOneOrTrueFalse_IsWords(string key, string raw, string? expected) =>
        Assert.Equal(expected, AccountingText.Flag(key, raw));

    [Theory]
    [InlineData("days_past_due", "269", "269 days")]
    [InlineData("stale_after_days", "1", "1 day")]
    [InlineData("score", "272", "272 points")]
    [InlineData("line_count", "1", "1 line")]
    [InlineData("budget_and_commitment_lines", "2", "2 lines")]
    [InlineData("items", "1204", "1,204 items")]
    [InlineData("crew_to_add", "3", "3 workers")]
    [InlineData("open_commitments", "2", "2 commitments")]
    [InlineData("weeks_short", "4", "4 weeks")]
    [InlineData("widgets", "5", "5")]
    public void Count_ByItsName_SaysWhatItCounts(string name, string value, string expected) =>
        Assert.Equal(expected, ProposalParts.Value(value, "count", name));

    [Fact]
    public async Task AccountRecord_Demo_ShowsActiveNotOne()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/records/ledger_accounts/acct-5400");

        Assert.Contains("<dt>Status</dt><dd>Active</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>1</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailProposal_Demo_DaysPastDueAndScoreInWords()
    {
        // Proposal 1 of the demo: "Send lien-warning email for invoice 0988 ($3,875.00)", as of 2026-11-15.
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/1");

        Assert.Contains("269 days</td>", html, StringComparison.Ordinal);
        Assert.Contains(" points</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" count</td>", html, StringComparison.Ordinal);
    }
}
