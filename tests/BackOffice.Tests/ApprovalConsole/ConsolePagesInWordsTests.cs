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

        Shows(html, ">Project sub invoice RP-2315</a>", ">Project commitment SC-103-03</a>", "proposed by the financial agent on ", "<td>Created</td><td>the financial agent</td>");
        Hides(html, ">Project sub invoice si-05<");
    }

    [Fact]
    public async Task EmailProposal_Demo_InvoiceByNumberBodyWithItsLineBreaksFiguresAsAList()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/1");

        Shows(html, "<dt>Invoice</dt><dd>0988</dd>", "<dt>Body</dt><dd class=\"narrative\">Hello Maria Garcia,\n\nInvoice 0988 for", "<dd>3875.00, 269, 2026-01-20, 2026-02-19, 2026-11-25</dd>");
        Hides(html, "[&quot;3875.00&quot;");
    }

    /// <summary>The demo's payroll adjustment for Marcus Reed (emp-2, run pr-2026-11-08 paying the week of Nov 2-8).</summary>
    [Fact]
    public async Task PayrollAdjustment_Demo_WhatWillBeWrittenInWordsAndItsSourcesOpen()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/proposals/13");
        var employee = await demo.Client.GetAsync("/t/demo/records/workforce_employees/emp-2");
        var item = await demo.Client.GetAsync("/t/demo/records/pricebook_items/pb-01");

        Shows(html, "<dt>Run</dt><dd>The payroll run for the week ending Nov 8, 2026</dd>", "<dt>Employee</dt><dd>Marcus Reed</dd>", ">Workforce employee Marcus Reed</a>");
        Assert.Matches("<dt>Paid gross</dt><dd[^>]*>\\$1,872\\.00</dd>", html);
        Assert.Matches("<dt>Week start</dt><dd[^>]*>Nov 2, 2026</dd>", html);
        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (employee.StatusCode, item.StatusCode));
    }

    [Fact]
    public async Task SubInvoiceRecord_Demo_TitledByItsNumber()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/records/project_sub_invoices/si-05");

        Shows(html, "<h1>Project sub invoice RP-2315</h1>");
    }

    [Fact]
    public async Task WipReport_Demo_HeadingWithTheDateInWordsAndItsBasisBelow()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/wip");

        Shows(html, "<h1>WIP schedule for demo as of Nov 15, 2026</h1>", "<p class=\"muted\">Basis: loss: full at once (ASC 605-35), provision shown separately; rounding: ");
    }

    [Fact]
    public async Task ReconciliationReport_Demo_CategoriesInWords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/reports/reconciliation");

        Shows(html, ">Commitment not in ledger</a>", ">Cost code account mismatch</a>");
        Hides(html, ">commitment-not-in-ledger<");
    }

    [Fact]
    public async Task Dashboard_Demo_ChartDatesInWords()
    {
        var html = await demo.Client.GetStringAsync("/t/demo/dashboard");

        Shows(html, "Receivables by days past due, as of Nov 15, 2026");
        Hides(html, "as of 2026-11-15");
    }

    private static void Shows(string html, params string[] texts) =>
        Assert.All(texts, text => Assert.Contains(text, html, StringComparison.Ordinal));

    private static void Hides(string html, params string[] texts) =>
        Assert.All(texts, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));
}
