using System.Globalization;
using BackOffice.Agents.Financial;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Issue 17: the cash forecast's expected billings, each job's next owner pay application not billed yet. Worked by
/// hand on the AIA G702 arithmetic (AIA Document G702-1992, lines 4-6: completed work to date less retainage at the
/// contract's percent, less previous certificates, is the current payment due): earned to date 250,000.00, billed to
/// date 200,000.00, retainage 10%: the pay application bills 50,000.00, withholds 5,000.00 and brings 45,000.00.
/// </summary>
public sealed class ExpectedBillingTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Theory]
    [InlineData("250000.00", "200000.00", "10", "45000.00")]   // the worked example
    [InlineData("250000.00", "200000.00", "0", "50000.00")]    // no retainage withheld
    [InlineData("200000.00", "250000.00", "10", "0")]          // billed ahead of the work: nothing to bill
    [InlineData("200000.00", "200000.00", "10", "0")]          // billed exactly to date
    [InlineData("0.05", "0", "10", "0.04")]                    // retainage 0.005 rounds half away from zero to 0.01
    [InlineData("100.10", "0", "5", "95.09")]                  // retainage 5.005 -> 5.01
    public void ExpectedBillingCash_EarnedLessBilledLessRetainage(string earned, string billed, string percent, string expected) =>
        Assert.Equal(D(expected), CashForecastTools.ExpectedBillingCash(new ExpectedBilling("j", D(earned), D(billed), D(percent), AsOf)));

    [Fact]
    public void Forecast_WorkedExample_ExpectedBillingsInTheBucketOfItsDueDateAndInTheNet()
    {
        // Billed at the end of November, net 30: due Dec 30, 2026, 40 days after Nov 20: the 31-60 day bucket.
        var billing = new ExpectedBilling("job-1", 250_000m, 200_000m, 10m, new DateOnly(2026, 11, 30).AddDays(30));
        var open = new Receivable("inv-1", "c", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), 1_000m);

        var buckets = CashForecastTools.Forecast(AsOf, [open], [], [], [], [billing]);

        Assert.Equal([0m, 45_000m, 0m], buckets.Select(b => b.ExpectedBillings));
        Assert.Equal([1_000m, 0m, 0m], buckets.Select(b => b.Receipts));
        Assert.Equal([1_000m, 45_000m, 0m], buckets.Select(b => b.Net));
        Assert.Equal(46_000m, buckets[^1].Cumulative);
    }

    [Fact]
    public void RetainagePercent_LatestPayAppsRateThenTheContracts()
    {
        PayApp App(string id, string job, int month) => new(id, job, id, new DateOnly(2026, month, 28), 0m, 0m, 0m, 0m, "approved");
        var apps = new[] { App("pa-1", "j1", 9), App("pa-2", "j1", 10), App("pa-3", "j1", 12), App("pa-4", "j2", 10) };
        var terms = new[]
        {
            new PayAppRetainageTerms("pa-1", "j1", 10m, null, 10m), new PayAppRetainageTerms("pa-2", "j1", 5m, null, 10m),
            new PayAppRetainageTerms("pa-3", "j1", 0m, null, 10m), new PayAppRetainageTerms("pa-4", "j2", null, null, 7.5m),
        };

        Assert.Equal(5m, OwnerPaymentTerms.RetainagePercent("j1", apps, terms, AsOf));    // pa-3 is after the date
        Assert.Equal(7.5m, OwnerPaymentTerms.RetainagePercent("j2", apps, terms, AsOf));  // no rate on the pay app: the contract's
        Assert.Null(OwnerPaymentTerms.RetainagePercent("j3", apps, terms, AsOf));
    }

    [Fact]
    public void DueDate_CustomerWithoutTerm_TakesTheConfiguredDefault() =>
        Assert.Equal(new DateOnly(2026, 12, 15), OwnerPaymentTerms.DueDate(
            new DateOnly(2026, 11, 30), new Dictionary<string, PaymentTerm>(), new FinancialOptions { OwnerInvoiceDueDays = 15 }, "cust-1"));

    [Fact]
    public void DueDate_CustomerWithTerm_TakesTheTermAsTheOwnerInvoiceDoes() =>
        // Net 45 on the customer wins over the 15-day default (issue 16's terms; the invoice proposal uses the same rule).
        Assert.Equal(new DateOnly(2027, 1, 14), OwnerPaymentTerms.DueDate(
            new DateOnly(2026, 11, 30), new Dictionary<string, PaymentTerm> { ["cust-1"] = new("t1", "Net 45", 45, null, null) },
            new FinancialOptions { OwnerInvoiceDueDays = 15 }, "cust-1"));

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
