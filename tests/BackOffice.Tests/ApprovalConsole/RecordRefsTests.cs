using BackOffice.Host.ApprovalConsole;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: ids the agents write into titles and narratives read as a controller knows the records, from the demo
/// bundle's own books (samples/demo: acct-5400 is 5400 Permits and Fees, bill-5001 is Rivera Plumbing's RP-2291,
/// je-302 is JE-1105, pmt-2102 is check 2215 from the Lakeview job, cmt-101-02 is Brightline Electric's SC-101-02).
/// </summary>
public sealed class RecordRefsTests : IAsyncLifetime
{
    private readonly TempDataDirectory _temp = new();

    public async Task InitializeAsync()
    {
        var cli = new CliRunner(_temp.Root);
        await cli.OkAsync("tenant", "create", "demo");
        await cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("Reclass $685.00 of 01-000 to acct-5400", "Reclass $685.00 of 01-000 to 5400 Permits and Fees")]
    [InlineData("cost code account mismatch: je-302-1 (Harbor Point)", "cost code account mismatch: journal entry JE-1105 line 1 (Harbor Point)")]
    [InlineData("duplicate bill: bill-5001", "duplicate bill: bill RP-2291 from Rivera Plumbing")]
    [InlineData("line bill-5001-2 moved", "line bill RP-2291 line 2 from Rivera Plumbing moved")]
    [InlineData("payment unapplied: pmt-2102 (Lakeview Custom Home)", "payment unapplied: payment Check 2215 from Okafor, Daniel:Lakeview Custom Home (Lakeview Custom Home)")]
    [InlineData("cmt-101-02 is not in the ledger (Smith Residence - Kitchen)", "Commitment SC-101-02 with Brightline Electric Inc. is not in the ledger (Smith Residence - Kitchen)")]
    [InlineData("bill-5001 duplicates another bill", "Bill RP-2291 from Rivera Plumbing duplicates another bill")]
    [InlineData("ledger_bills:bill-5001", "Bill RP-2291 from Rivera Plumbing")]
    [InlineData("ledger_journal_entries:je-302", "Journal entry JE-1105")]
    [InlineData("project_commitments:cmt-101-02", "Commitment SC-101-02 with Brightline Electric Inc.")]
    [InlineData("see ledger_bills:bill-5001 and ledger_bills:bill-0000", "see bill RP-2291 from Rivera Plumbing and ledger_bills:bill-0000")]
    [InlineData("posted to acct-9999 and acct-5400.", "posted to acct-9999 and 5400 Permits and Fees.")]
    [InlineData("File coi-brightline-electric-2026.txt under jobs/2026-101", "File coi-brightline-electric-2026.txt under jobs/2026-101")]
    [InlineData("52.5 hours; payroll run pr-2026-11-08 claims 48 hours", "52.5 hours; the payroll run for the week ending Nov 8, 2026 claims 48 hours")]
    [InlineData("Payroll run pr-2026-11-08 pays 8 overtime hours", "The payroll run for the week ending Nov 8, 2026 pays 8 overtime hours")]
    [InlineData("run pr-2026-11-01 and prl-1", "run pr-2026-11-01 and prl-1")]
    public async Task Text_IdsOfTheDemoBooks_ReadAsTheRecords(string stored, string shown)
    {
        var refs = await RecordRefs.LoadAsync(_temp.Tenant("demo"), [stored], CancellationToken.None);

        Assert.Equal(shown, refs.Text(stored));
    }

    [Fact]
    public async Task Text_NoIdsRead_LeavesTheTextAsItIs()
    {
        var refs = await RecordRefs.LoadAsync(_temp.Tenant("demo"), ["nothing here"], CancellationToken.None);

        Assert.Equal("Reclass to acct-5400", refs.Text("Reclass to acct-5400"));
    }
}
