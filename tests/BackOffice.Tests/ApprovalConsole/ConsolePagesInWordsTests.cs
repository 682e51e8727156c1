namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: what the screenshot tour of the demo (ConsoleAccessibilityTests with BACKOFFICE_SCREENS, both widths)
/// found reading like a database, checked in the pages' HTML: figure sources and record pages by their own numbers
/// (the demo's si-05 is sub invoice RP-2315 on commitment cmt-103-03, SC-103-03; inv-0988 is invoice 0988), an agent
/// and a history event in words, a message body with its line breaks, report headings with dates in words and their
/// basis under them, a category key as words, an audit event's data folded, the dashboard's dates in words.
/// </summary>
public sealed class ConsolePagesInWordsTests(DemoConsole demo) : IClassFixture<DemoConsole>
{
    [Fact]
    public async Task BillProposal_Demo_SourcesByTheirNumbersAgentAndHistoryInWords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/7");

        Assert.Contains(">Project sub invoice RP-2315</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Project commitment SC-103-03</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Project sub invoice si-05<", html, StringComparison.Ordinal);
        Assert.Contains("proposed by the financial agent on ", html, StringComparison.Ordinal);
        Assert.Contains("<td>Created</td><td>the financial agent</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailProposal_Demo_InvoiceByNumberBodyWithItsLineBreaksFiguresAsAList()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/1");

        Assert.Contains("<dt>Invoice</dt><dd>0988</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Body</dt><dd class=\"narrative\">Hello Maria Garcia,\n\nInvoice 0988 for", html, StringComparison.Ordinal);
        Assert.Contains("<dd>3875.00, 269, 2026-01-20, 2026-02-19, 2026-11-25</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[&quot;3875.00&quot;", html, StringComparison.Ordinal);
    }

    /// <summary>The demo's payroll adjustment for Marcus Reed (emp-2, run pr-2026-11-08 paying the week of Nov 2-8).</summary>
    [Fact]
    public async Task PayrollAdjustment_Demo_WhatWillBeWrittenInWordsAndItsSourcesOpen()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/13");
        var employee = await demo.Client.GetAsync("/t/demo/records/workforce_employees/emp-2");
        var item = await demo.Client.GetAsync("/t/demo/records/pricebook_items/pb-01");

        Assert.Contains("<dt>Run</dt><dd>The payroll run for the week ending Nov 8, 2026</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Employee</dt><dd>Marcus Reed</dd>", html, StringComparison.Ordinal);
        Assert.Matches("<dt>Paid gross</dt><dd[^>]*>\\$1,872\\.00</dd>", html);
        Assert.Matches("<dt>Week start</dt><dd[^>]*>Nov 2, 2026</dd>", html);
        Assert.Contains(">Workforce employee Marcus Reed</a>", html, StringComparison.Ordinal);
        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (employee.StatusCode, item.StatusCode));
    }

    [Fact]
    public async Task SubInvoiceRecord_Demo_TitledByItsNumber()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/records/project_sub_invoices/si-05");

        Assert.Contains("<h1>Project sub invoice RP-2315</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WipReport_Demo_HeadingWithTheDateInWordsAndItsBasisBelow()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/wip");

        Assert.Contains("<h1>WIP schedule for demo as of Nov 15, 2026</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"muted\">Basis: loss: full at once (ASC 605-35), provision shown separately; rounding: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconciliationReport_Demo_CategoriesInWords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/reconciliation");

        Assert.Contains(">Commitment not in ledger</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Cost code account mismatch</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">commitment-not-in-ledger<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Demo_ChartDatesInWords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/dashboard");

        Assert.Contains("Receivables by days past due, as of Nov 15, 2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("as of 2026-11-15", html, StringComparison.Ordinal);
    }
}
