using BackOffice.Domain.Collections;
using BackOffice.Tools.Collections;

namespace BackOffice.Tests.Figures;

/// <summary>Allowance for doubtful accounts and aging by invoice date vs due date (issue 16), figures.md section 7.</summary>
public sealed class AllowanceToolsTests
{
    private static readonly string[] Five = ["current", "1-30", "31-60", "61-90", "over 90"];

    [Fact]
    public void Estimate_KimmelBlueCompany_MatchesThePublishedAllowanceAndEntry()
    {
        // PUBLISHED: Kimmel/Weygandt problem 9-03A "Blue Company" (solutioninn): not yet due 152,000; 1-30 34,600;
        // 31-60 25,600; 61-90 34,800; over 90 38,700 at 1%, 5%, 14%, 26%, 52% -> 1,520; 1,730; 3,584; 9,048; 20,124 =
        // 36,006. Unadjusted credit 13,000 -> Dr Bad Debt Expense 23,006, Cr Allowance 23,006.
        var estimate = AllowanceTools.Estimate(
            Five.Zip([152_000m, 34_600m, 25_600m, 34_800m, 38_700m]).ToList(),
            Five.Zip([1m, 5m, 14m, 26m, 52m]).ToDictionary(p => p.First, p => p.Second), 13_000m);

        Assert.Equal([1_520m, 1_730m, 3_584m, 9_048m, 20_124m], estimate.Classes.Select(c => c.Allowance));
        Assert.Equal((285_700m, 36_006m, 23_006m), (estimate.Receivables, estimate.Required, estimate.Adjustment));
    }

    [Fact]
    public void Estimate_PennStateAccounting211_RequiredAllowanceLessPriorCredit()
    {
        // PUBLISHED: Penn State ACCTG 211 lesson 6: 18,000; 5,000; 2,000; 200 at 1%, 1.5%, 5%, 50% -> 180; 75; 100; 100 = 455.
        // DERIVED: prior credit balance 100 -> entry 355.
        string[] four = ["1-30", "31-60", "61-90", "over 90"];
        var estimate = AllowanceTools.Estimate(four.Zip([18_000m, 5_000m, 2_000m, 200m]).ToList(),
            four.Zip([1m, 1.5m, 5m, 50m]).ToDictionary(p => p.First, p => p.Second), 100m);

        Assert.Equal([180m, 75m, 100m, 100m], estimate.Classes.Select(c => c.Allowance));
        Assert.Equal((455m, 355m), (estimate.Required, estimate.Adjustment));
    }

    [Fact]
    public void Estimate_GlencoeSupplyWithDebitBalance_AddsTheDebitToTheExpense()
    {
        // PUBLISHED: Glencoe Supply (Cengage): current 310,500 @0.5%; 1-30 47,500 @1%; 31-45 25,000 @13%; 46-90 12,800 @20%;
        // 91-135 6,100 @25%; over 135 4,200 @60% -> required 11,883 printed in whole dollars (310,500 x 0.5% = 1,552.50
        // printed 1,553). Beginning credit 46,640, write-offs 51,232 -> debit 4,592 -> expense 16,475.
        // Here each class is rounded to the cent (stated rounding point), so the DERIVED figures are 11,882.50 and 16,474.50.
        string[] six = ["current", "1-30", "31-45", "46-90", "91-135", "over 135"];
        var estimate = AllowanceTools.Estimate(six.Zip([310_500m, 47_500m, 25_000m, 12_800m, 6_100m, 4_200m]).ToList(),
            six.Zip([0.5m, 1m, 13m, 20m, 25m, 60m]).ToDictionary(p => p.First, p => p.Second), 46_640m - 51_232m);

        Assert.Equal([1_552.50m, 475m, 3_250m, 2_560m, 1_525m, 2_520m], estimate.Classes.Select(c => c.Allowance));
        Assert.Equal((11_882.50m, 16_474.50m), (estimate.Required, estimate.Adjustment));
        Assert.Equal((11_883m, 16_475m), (Math.Round(estimate.Required, 0, MidpointRounding.AwayFromZero), Math.Round(estimate.Adjustment, 0, MidpointRounding.AwayFromZero)));
    }

    [Fact]
    public void Estimate_ClassWithoutARate_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => AllowanceTools.Estimate([("current", 10m), ("1-30", 5m)], new Dictionary<string, decimal> { ["current"] = 1m }, 0m));

        Assert.Contains("'1-30'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // PUBLISHED (AccountingCoach via forum.daffodilvarsity.edu.bd 30117): terms 30 days; $8,000 sold 15 days ago is
    // "Current", $4,000 sold 40 days ago is "1-30 days past due". DERIVED invoice-date view: 0-30 and 31-60.
    [InlineData(15, 8_000, AgingBasis.DueDate, "current")]
    [InlineData(40, 4_000, AgingBasis.DueDate, "1-30")]
    [InlineData(15, 8_000, AgingBasis.InvoiceDate, "0-30")]
    [InlineData(40, 4_000, AgingBasis.InvoiceDate, "31-60")]
    // Boundaries (DERIVED): by invoice date day 0 and day 30 are 0-30, day 31 is 31-60, day 91 is over 90.
    [InlineData(0, 1, AgingBasis.InvoiceDate, "0-30")]
    [InlineData(30, 1, AgingBasis.InvoiceDate, "0-30")]
    [InlineData(31, 1, AgingBasis.InvoiceDate, "31-60")]
    [InlineData(91, 1, AgingBasis.InvoiceDate, "over 90")]
    [InlineData(30, 1, AgingBasis.DueDate, "current")]
    [InlineData(31, 1, AgingBasis.DueDate, "1-30")]
    public void OpenItems_ByBasis_PutsTheInvoiceInItsBucket(int daysSinceSale, int amount, AgingBasis basis, string bucket)
    {
        var asOf = new DateOnly(2026, 11, 30);
        var sold = asOf.AddDays(-daysSinceSale);
        var invoice = new ArInvoice("inv", "cust-a", null, sold, sold.AddDays(30), amount, 0m);

        var item = Assert.Single(AgingTools.OpenItems([invoice], [], [], asOf, AgingBuckets.Standard, basis));

        Assert.Equal(bucket, item.Bucket);
    }

    [Fact]
    public void ByCustomer_QuickBooksExampleByDueDate_MatchesThePublishedBuckets()
    {
        // PUBLISHED (quickbooks.intuit.com/r/payments/accounts-receivable-aging-report): $1,000 not past due, two invoices
        // of $1,500 together 15 days overdue, $100 37 days overdue -> Current 1,000; 1-30 1,500; 31-60 100.
        var asOf = new DateOnly(2026, 11, 22);
        ArInvoice Due(string id, decimal total, int daysOverdue) => new(id, "cust-a", null, asOf.AddDays(-daysOverdue - 30), asOf.AddDays(-daysOverdue), total, 0m);
        var items = AgingTools.OpenItems([Due("a", 1_000m, -5), Due("b", 750m, 15), Due("c", 750m, 15), Due("d", 100m, 37)], [], [], asOf);

        var row = Assert.Single(AgingTools.ByCustomer(items, [], asOf));

        Assert.Equal((1_000m, 1_500m, 100m, 2_600m), (row.Buckets["current"], row.Buckets["1-30"], row.Buckets["31-60"], row.Total));
    }
}
