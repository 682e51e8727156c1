using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Collections;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.QuickBooks;
using BackOffice.Tools.Collections;
using Dapper;

namespace BackOffice.Tests.Collections;

/// <summary>
/// Due dates from payment terms (issue 16): QuickBooks Online's Term entity (qbo.md section 5) is standard (DueDays) or
/// date driven (DayOfMonthDue, DueNextMonthDays: "Due the next month if issued within" so many days, Rightworks'
/// Transaction Pro field notes for QuickBooks Online terms, tprosupport.rightworks.com article 816).
/// </summary>
public sealed class PaymentTermsTests
{
    private static readonly PaymentTerm Net30 = new("3", "Net 30", 30, null, null);
    private static readonly PaymentTerm Net15 = new("4", "Net 15", 15, null, null);
    private static readonly PaymentTerm TenthWithin10 = new("7", "10th, next month if within 10 days", null, 10, 10);
    private static readonly PaymentTerm EndOfNextMonth = new("8", "End of next month", null, 31, 31);

    [Theory]
    // PUBLISHED (Intuit's Bill sample, qbo.md section 5): TxnDate 2014-11-06 with SalesTermRef 3 (Net 30), DueDate 2014-12-06.
    [InlineData("net30", "2014-11-06", "2014-12-06")]
    // DERIVED: Net 15 across a month end.
    [InlineData("net15", "2026-11-20", "2026-12-05")]
    // DERIVED from the Rightworks rule: due the 10th; Nov 10 is 16 days after Oct 25, outside the 10-day cutoff.
    [InlineData("tenth", "2026-10-25", "2026-11-10")]
    // The 10th is exactly 10 days after Oct 31: within the cutoff (inclusive), so due the 10th of the month after.
    [InlineData("tenth", "2026-10-31", "2026-12-10")]
    [InlineData("tenth", "2026-11-03", "2026-12-10")]
    // Past the 10th: the next 10th (Dec 10) is 28 days out, outside the cutoff.
    [InlineData("tenth", "2026-11-12", "2026-12-10")]
    // PUBLISHED recipe (QuickBooks community, "invoices with the time to pay to be the end of the next month": day 31, due
    // next month if issued within 31 days): an invoice of Jan 5 or Jan 31 is due at the end of February.
    [InlineData("eonm", "2026-01-05", "2026-02-28")]
    [InlineData("eonm", "2026-01-31", "2026-02-28")]
    public void DueDate_TermAndDocumentDate_IsTheTermsDueDate(string term, string documentDate, string expected)
    {
        var chosen = term switch { "net30" => Net30, "net15" => Net15, "tenth" => TenthWithin10, _ => EndOfNextMonth };

        Assert.Equal(Day(expected), PaymentTermsTools.DueDate(Day(documentDate), chosen, 30));
    }

    [Theory]
    [InlineData(30, "2026-11-30")]
    [InlineData(0, "2026-10-31")]
    public void DueDate_NoTerm_DefaultDaysAfterTheDocument(int defaultDays, string expected) =>
        Assert.Equal(Day(expected), PaymentTermsTools.DueDate(Day("2026-10-31"), null, defaultDays));

    [Fact]
    public async Task Sync_InvoiceAndBillWithoutDueDate_DueAsTheirTermSaysAndTheJobTakesItsParentsTerm()
    {
        await using var h = await QuickBooksHarness.ConnectedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Term", new JsonObject { ["Id"] = "4", ["Name"] = "Net 15", ["Type"] = "STANDARD", ["DueDays"] = 15, ["Active"] = true }, before);
        h.Fake.Add("Customer", new JsonObject { ["Id"] = "70", ["DisplayName"] = "Lee, K", ["SalesTermRef"] = new JsonObject { ["value"] = "4" }, ["Active"] = true }, before);
        h.Fake.Add("Customer", new JsonObject
        {
            ["Id"] = "71", ["DisplayName"] = "Garage", ["FullyQualifiedName"] = "Lee, K:Garage", ["ParentRef"] = new JsonObject { ["value"] = "70" }, ["Job"] = true, ["Active"] = true,
        }, before);
        h.Fake.Add("Invoice", new JsonObject
        {
            ["Id"] = "131", ["CustomerRef"] = new JsonObject { ["value"] = "71" }, ["DocNumber"] = "1002", ["TxnDate"] = "2026-11-20", ["TotalAmt"] = 1000.00m,
            ["SalesTermRef"] = new JsonObject { ["value"] = "4" }, ["Line"] = new JsonArray(),
        }, before);
        var bill = QuickBooksHarness.Bill("27", "B-2", 50.00m);
        bill["SalesTermRef"] = new JsonObject { ["value"] = "4" };
        h.Fake.Add("Bill", bill, before);

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, CancellationToken.None);

        await using var c = await h.Tenant.OpenAsync(CancellationToken.None);
        Assert.Equal("2026-12-05", await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_invoices WHERE id = '131'"));
        Assert.Equal("2026-10-21", await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_bills WHERE id = '27'"));
        // The harness invoice states its DueDate, which stands.
        Assert.Equal("2026-10-31", await c.ExecuteScalarAsync<string>("SELECT due_date FROM ledger_invoices WHERE id = '130'"));
        var terms = await h.Tenant.Ledger.CustomerTermsAsync(CancellationToken.None);
        Assert.Equal(("4", "4"), (terms["70"].Id, terms["71"].Id));
        Assert.False(terms.ContainsKey("59"));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
