using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Collections;

namespace BackOffice.Tests.Collections;

public sealed class AgingToolsTests
{
    private static readonly DateOnly Due = new(2026, 10, 1);

    private static ArInvoice Invoice(string id, decimal total, DateOnly due, string customer = "c-1", decimal retainage = 0m, bool release = false) =>
        new(id, customer, id, due.AddDays(-30), due, total, retainage, release);

    /// <summary>Day 0 is the due date and still current; past due starts the day after; each bound closes its bucket (issue 5).</summary>
    [Theory]
    [InlineData(-1, "current")]
    [InlineData(0, "current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(60, "31-60")]
    [InlineData(61, "61-90")]
    [InlineData(90, "61-90")]
    [InlineData(91, "over 90")]
    public void OpenItems_DayByDayAroundEachBoundary_LandsInTheStatedBucket(int daysAfterDue, string bucket)
    {
        var item = Assert.Single(AgingTools.OpenItems([Invoice("i-1", 100m, Due)], [], [], Due.AddDays(daysAfterDue)));

        Assert.Equal(daysAfterDue, item.DaysPastDue);
        Assert.Equal(bucket, item.Bucket);
    }

    [Theory]
    [InlineData(0, "current")]
    [InlineData(15, "1-15")]
    [InlineData(16, "16-45")]
    [InlineData(45, "16-45")]
    [InlineData(46, "over 45")]
    public void LabelFor_ConfiguredBuckets_UsesThem(int days, string bucket) =>
        Assert.Equal(bucket, new AgingBuckets([15, 45]).LabelFor(days));

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 30 })]
    [InlineData(new[] { 30, 30 })]
    [InlineData(new[] { 60, 30 })]
    public void AgingBuckets_BadBounds_AreRefused(int[] bounds) => Assert.Throws<ArgumentException>(() => new AgingBuckets(bounds));

    /// <summary>
    /// Worked example from Intuit QuickBooks, "Accounts receivable aging report"
    /// (quickbooks.intuit.com/r/payments/accounts-receivable-aging-report): due on the 15th, now the 22nd, seven days
    /// past due; a customer with $1,000 not past due, two invoices totalling $1,500 15 days overdue and $100 37 days
    /// overdue ages as Current $1,000, 1-30 $1,500, 31-60 $100.
    /// </summary>
    [Fact]
    public void ByCustomer_QuickBooksWorkedExample_MatchesThePublishedAging()
    {
        var asOf = new DateOnly(2026, 3, 22);
        Assert.Equal(7, AgingTools.DaysPastDue(new DateOnly(2026, 3, 15), asOf));
        var invoices = new[]
        {
            Invoice("a", 1000m, asOf.AddDays(5)), Invoice("b", 900m, asOf.AddDays(-15)), Invoice("c", 600m, asOf.AddDays(-15)),
            Invoice("d", 100m, asOf.AddDays(-37)),
        };

        var row = Assert.Single(AgingTools.ByCustomer(AgingTools.OpenItems(invoices, [], [], asOf), invoices, asOf));

        Assert.Equal((1000m, 1500m, 100m, 0m, 0m, 2600m), (row.Buckets["current"], row.Buckets["1-30"], row.Buckets["31-60"], row.Buckets["61-90"], row.Buckets["over 90"], row.Total));
    }

    [Fact]
    public void OpenItems_PaymentsAfterAsOf_DoNotReduceTheBalance()
    {
        var invoice = Invoice("i-1", 40095m, Due);
        var payments = new[] { new LedgerPayment("p-1", "c-1", Due.AddDays(10), 20000m, 0m, null), new LedgerPayment("p-2", "c-1", Due.AddDays(40), 20095m, 0m, null) };
        var lines = new[] { new ArPaymentLine("p-1", "i-1", 20000m), new ArPaymentLine("p-2", "i-1", 20095m) };

        Assert.Equal(20095m, Assert.Single(AgingTools.OpenItems([invoice], payments, lines, Due.AddDays(20))).Open);
        Assert.Empty(AgingTools.OpenItems([invoice], payments, lines, Due.AddDays(40)));
        Assert.Empty(AgingTools.OpenItems([invoice], payments, lines, invoice.TxnDate.AddDays(-1)));
    }

    [Fact]
    public void ByCustomer_Retainage_IsShownApartAndNotAged()
    {
        var invoices = new[] { Invoice("i-1", 117360m, Due, "job-a", retainage: 13040m), Invoice("i-2", 135900m, Due.AddDays(30), "job-a", retainage: 15100m) };

        var row = Assert.Single(AgingTools.ByCustomer(AgingTools.OpenItems(invoices, [], [], Due.AddDays(45)), invoices, Due.AddDays(45)));

        Assert.Equal(28140m, row.RetainageReceivable);
        Assert.Equal(253260m, row.Total);
        Assert.Equal(117360m, row.Buckets["31-60"]);
    }

    [Theory]
    [InlineData(10000, 0, 10000)]
    [InlineData(10000, 4000, 6000)]
    [InlineData(3000, 3875, 0)]
    public void RetainageReceivable_ReleaseInvoices_ReduceItNotBelowZero(int withheld, int released, int expected)
    {
        var invoices = new List<ArInvoice> { Invoice("i-1", 50000m, Due, "job-a", retainage: withheld) };
        if (released > 0)
        {
            invoices.Add(Invoice("i-r", released, Due.AddDays(20), "job-a", release: true));
        }

        Assert.Equal(expected, AgingTools.RetainageReceivable(invoices, Due.AddDays(30))["job-a"]);
    }
}
