using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the CLI's tables and sweep output and the API's finding and proposal titles say what the console says
/// (the same RecordRefs and NameBook), on `backoffice demo` (samples/demo: cmt-101-02 is Brightline Electric's SC-101-02
/// on Smith Residence - Kitchen, je-302-1 is JE-1105 line 1, acct-5400 is 5400 Permits and Fees). --json keeps the
/// stored text, ids for machines.
/// </summary>
public sealed partial class WordsOutsideConsoleTests(DemoConsole demo) : IClassFixture<DemoConsole>
{
    private const string Commitment = "Commitment SC-101-02 with Brightline Electric Inc. is not in the ledger (Smith Residence - Kitchen)";
    private const string Reclass = "Reclass $685.00 of 01-000 to 5400 Permits and Fees";

    [Fact]
    public async Task FindingsApi_Demo_TitlesAreSentencesInWords()
    {
        var findings = JsonNode.Parse(await demo.Client.GetStringAsync("/api/tenants/demo/findings"))!.AsArray();
        var titles = findings.Select(f => (string)f!["title"]!).ToList();

        Assert.Contains(Commitment, titles);
        Assert.Contains("Journal entry JE-1105 line 1 is on an account its cost code does not map to (Harbor Point Office TI - Suite 300)", titles);
        Assert.DoesNotContain(titles, t => t.Contains("not in ledger:", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => RawId().IsMatch(t));
    }

    [Fact]
    public async Task ProposalsApi_Demo_TitleInWordsIdsInTheirOwnFields()
    {
        var items = JsonNode.Parse(await demo.Client.GetStringAsync("/api/tenants/demo/proposals?limit=200"))!["items"]!.AsArray();

        var reclass = items.Single(p => ((string)p!["title"]!).StartsWith("Reclass", StringComparison.Ordinal))!;
        Assert.Equal(Reclass, (string?)reclass["title"]);
        var shown = JsonNode.Parse(await demo.Client.GetStringAsync($"/api/tenants/demo/proposals/{(long)reclass["id"]!}"))!;
        Assert.Equal(Reclass, (string?)shown["title"]);
        Assert.Contains("acct-5400", shown["payload"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliProposalsList_Demo_TitlesInWords()
    {
        var table = await demo.Cli.OkAsync("proposals", "list", "--tenant", "demo");

        Assert.Contains(Reclass, table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("acct-5400", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliReportFindings_Table_InWords_JsonKeepsTheStoredTitle()
    {
        var table = await demo.Cli.OkAsync("report", "findings", "--tenant", "demo");
        var json = (await demo.Cli.OkAsync("report", "findings", "--tenant", "demo", "--json")).Json.AsArray();

        // The table cuts a cell at 80 characters; the sentence starts the same.
        Assert.Contains(Commitment[..60], table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("cmt-101-02", table.Out, StringComparison.Ordinal);
        Assert.Contains(json, f => (string?)f!["title"] == "cmt-101-02 is not in the ledger (Smith Residence - Kitchen)");
    }

    [Fact]
    public async Task CliReportCostDetail_Table_DocumentsAndAccountsInWords()
    {
        var table = await demo.Cli.OkAsync("report", "cost-detail", "--tenant", "demo", "--job", "2026-101", "--as-of", "2026-11-15");

        Assert.Contains("Bill RP-2291 from Rivera Plumbing", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ledger_bills:", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("acct-", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliSweep_Text_TitlesAndNarrativesInWords()
    {
        var sweep = await demo.Cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--as-of", "2026-11-15", "--full");

        Assert.Contains(Commitment, sweep.Out, StringComparison.Ordinal);
        Assert.Contains("Journal entry JE-1105 line 1 is on an account", sweep.Out, StringComparison.Ordinal);
    }

    /// <summary>Issue 17: the demo's Workforce adjustments name their payroll run by its week (samples/demo: pr-2026-11-08 pays the week of Nov 2-8), in the API, the CLI and the findings.</summary>
    [Fact]
    public async Task WorkforceNarratives_Demo_PayrollRunAsItsWeek()
    {
        const string Run = "the payroll run for the week ending Nov 8, 2026 claims 48 hours";
        var items = JsonNode.Parse(await demo.Client.GetStringAsync("/api/tenants/demo/proposals?limit=200&agent=workforce"))!["items"]!.AsArray();
        var marcus = items.Single(p => ((string)p!["title"]!).StartsWith("Payroll adjustment $243.00 for Marcus Reed", StringComparison.Ordinal))!;
        var shown = JsonNode.Parse(await demo.Client.GetStringAsync($"/api/tenants/demo/proposals/{(long)marcus["id"]!}"))!;
        var cli = await demo.Cli.OkAsync("proposals", "show", ((long)marcus["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", "demo");
        var findings = JsonNode.Parse(await demo.Client.GetStringAsync("/api/tenants/demo/findings"))!.AsArray().Select(f => (string)f!["narrative"]!).ToList();

        Assert.Contains(Run, (string?)shown["narrative"], StringComparison.Ordinal);
        Assert.Contains(Run, cli.Out, StringComparison.Ordinal);
        Assert.Contains(findings, n => n.Contains(Run, StringComparison.Ordinal));
        Assert.DoesNotContain("pr-2026", (string?)shown["narrative"], StringComparison.Ordinal);
        Assert.DoesNotContain(findings, n => n.Contains("pr-2026", StringComparison.Ordinal));
        Assert.Contains("pr-2026-11-08", shown["payload"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:acct|bill|je|pmt|cmt|pr)-\d")]
    private static partial Regex RawId();
}
