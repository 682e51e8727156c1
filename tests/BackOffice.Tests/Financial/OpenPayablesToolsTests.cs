using BackOffice.Domain.Ledger;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 13: what is still owed on bills once bill payments and vendor credits are taken off.</summary>
public sealed class OpenPayablesToolsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 30);

    [Theory]
    [InlineData(0, 1000, "2026-11-01", 1000)]      // nothing paid
    [InlineData(400, 1000, "2026-11-01", 600)]     // partly paid
    [InlineData(1000, 1000, "2026-11-01", null)]   // paid in full: gone
    [InlineData(1000, 1000, "2026-11-30", null)]   // paid on the as-of day counts
    [InlineData(1000, 1000, "2026-12-01", 1000)]   // paid after the as-of day does not
    public void Open_BillPayments_LeaveTheRest(decimal paid, decimal total, string paidOn, int? expected)
    {
        var bills = new[] { new Payable("b1", new DateOnly(2026, 12, 15), total, "v1") };
        LedgerBillPaymentLine[] payments = paid == 0 ? [] : [new("bp1", "b1", DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), paid)];

        var open = OpenPayablesTools.Open(bills, payments, [], AsOf);

        Assert.Equal(expected, (int?)open.SingleOrDefault()?.Amount);
    }

    [Fact]
    public void Open_VendorCredit_IsTakenOffTheEarliestDueBillsOfThatVendorOnly()
    {
        var bills = new[]
        {
            new Payable("late", new DateOnly(2026, 12, 30), 500m, "v1"),
            new Payable("early", new DateOnly(2026, 12, 5), 300m, "v1"),
            new Payable("other", new DateOnly(2026, 12, 1), 200m, "v2"),
        };
        var credits = new[] { new LedgerVendorCredit("vc1", "v1", new DateOnly(2026, 11, 2), 450m) };

        var open = OpenPayablesTools.Open(bills, [], credits, AsOf).ToDictionary(p => p.BillId, p => p.Amount);

        // $450 of credit: the $300 bill due first is covered, $150 comes off the $500 one; v2's bill is untouched.
        Assert.Equal(new Dictionary<string, decimal> { ["other"] = 200m, ["late"] = 350m }, open);
    }

    [Fact]
    public void Open_CreditDatedAfterAsOf_IsNotTaken()
    {
        var bills = new[] { new Payable("b1", new DateOnly(2026, 12, 15), 100m, "v1") };
        var credits = new[] { new LedgerVendorCredit("vc1", "v1", AsOf.AddDays(1), 100m) };

        Assert.Equal(100m, Assert.Single(OpenPayablesTools.Open(bills, [], credits, AsOf)).Amount);
    }
}
