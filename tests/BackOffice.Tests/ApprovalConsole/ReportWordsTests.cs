using System.Text.RegularExpressions;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: report cells that name records read as accounting software words them, on the demo's books (samples/demo:
/// bill-5001 is Rivera Plumbing's RP-2291 on job 2026-101, je-302 is JE-1105 on Harbor Point's Suite 300, cmt-101-02 is
/// Brightline Electric's SC-101-02, acct-1190 is 1190 Allowance for Doubtful Accounts, acct-6300 is 6300 Bad Debt Expense).
/// </summary>
public sealed partial class ReportWordsTests(DemoConsole demo) : IClassFixture<DemoConsole>
{
    [Fact]
    public async Task CostDetail_Demo_DocumentsReadAsBillsAndCommitmentsLinkedToTheirRecords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/cost-detail?asOf=2026-11-15&job=2026-101");

        Assert.Contains("<a href=\"/t/demo/records/ledger_bills/bill-5001\">Bill RP-2291 from Rivera Plumbing</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/t/demo/records/project_commitments/cmt-101-02\">Commitment SC-101-02 with Brightline Electric Inc.</a>", html, StringComparison.Ordinal);
        Assert.Empty(RawIds(html));
    }

    [Fact]
    public async Task CostDetail_JournalLine_ReadsAsTheEntryLinkedToIt()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/cost-detail?asOf=2026-11-15&job=2026-102");

        Assert.Contains("<a href=\"/t/demo/records/ledger_journal_entries/je-302\">Journal entry JE-1105</a>", html, StringComparison.Ordinal);
        Assert.Empty(RawIds(html));
    }

    [Theory]
    // A cost detail's document link opens the bill; an allowance row's drill-down names its account.
    [InlineData("/t/demo/records/ledger_bills/bill-5001", "Rivera Plumbing")]
    [InlineData("/t/demo/reports/allowance/unadjusted?asOf=2026-11-15", "1190 Allowance for Doubtful Accounts: credit positive, debit negative")]
    public async Task Drilldown_Demo_ShowsTheRecordInWords(string url, string words)
    {
        var html = await demo.Client.GetStringAsync(url);

        Assert.Contains(words, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowance_Demo_NotesNameTheAccountsByNumberAndName()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/allowance?asOf=2026-11-15");

        Assert.Contains("1190 Allowance for Doubtful Accounts: credit positive, debit negative", html, StringComparison.Ordinal);
        Assert.Matches("Debit (6300 Bad Debt Expense|1190 Allowance for Doubtful Accounts), credit (1190 Allowance for Doubtful Accounts|6300 Bad Debt Expense)", html);
        Assert.DoesNotContain("acct-", html, StringComparison.Ordinal);
        Assert.Contains(">Over 90<", html, StringComparison.Ordinal);
    }

    /// <summary>Store ids shown as text, the way a controller would see them (not in attributes: links and filter values keep ids).</summary>
    private static List<string> RawIds(string html) =>
        [.. RawId().Matches(Regex.Replace(html, "=\"[^\"]*\"", "")).Select(m => m.Value)];

    [GeneratedRegex(@"\b(?:ledger_[a-z_]+:|project_[a-z_]+:)?(?:acct|bill|je|pmt|cmt|cust|lv|pv)-\d[\w-]*")]
    private static partial Regex RawId();
}
