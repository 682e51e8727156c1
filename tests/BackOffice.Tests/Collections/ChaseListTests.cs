using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Collections;

namespace BackOffice.Tests.Collections;

public sealed class ChaseListTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private static readonly Dictionary<string, string> Families = new() { ["job-1"] = "cust-1", ["job-2"] = "cust-1", ["cust-1"] = "cust-1", ["job-9"] = "cust-9" };

    private static ArInvoice Invoice(string id, decimal total, int daysPastDue, string customer = "job-1") =>
        new(id, customer, id, AsOf.AddDays(-daysPastDue - 30), AsOf.AddDays(-daysPastDue), total, 0m);

    private static ChaseList Build(ArInvoice[] invoices, LedgerPayment[]? payments = null, ArPaymentLine[]? lines = null,
        PromiseToPay[]? promises = null, InvoiceDispute[]? disputes = null, DateOnly? asOf = null)
    {
        var at = asOf ?? AsOf;
        var open = AgingTools.OpenItems(invoices, payments ?? [], lines ?? [], at);
        return ChaseListTools.Build(open, payments ?? [], lines ?? [], promises ?? [], disputes ?? [], Families, at);
    }

    [Fact]
    public void Build_UnappliedPaymentCoveringTheInvoice_RemovesItWithTheReason()
    {
        var result = Build([Invoice("inv-1", 4000m, 20)], [new LedgerPayment("p-1", "job-1", AsOf.AddDays(-5), 100000m, 4000m, "Check 2215")]);

        Assert.Empty(result.Chase);
        var removed = Assert.Single(result.Removed);
        Assert.Equal(ChaseListTools.Unapplied, removed.Code);
        Assert.Contains("Check 2215", removed.Reason);
        Assert.Contains("$4,000.00", removed.Reason);
    }

    /// <summary>QuickBooks often records the payment on the parent customer while the invoice is on the job: the family shares the pool.</summary>
    [Fact]
    public void Build_UnappliedOnParent_CoversOldestJobInvoiceFirstAndPartlyTheNext()
    {
        var result = Build([Invoice("new", 3000m, 5, "job-2"), Invoice("old", 2000m, 40, "job-1"), Invoice("other", 500m, 40, "job-9")],
            [new LedgerPayment("p-1", "cust-1", AsOf.AddDays(-1), 2500m, 2500m, null)]);

        Assert.Equal("old", Assert.Single(result.Removed).Item.Invoice.Id);
        var partly = result.Chase.Single(c => c.Item.Invoice.Id == "new");
        Assert.Equal((500m, 2500m), (partly.UnappliedCovered, partly.ChaseAmount));
        Assert.Equal(500m, result.Chase.Single(c => c.Item.Invoice.Id == "other").ChaseAmount);
    }

    [Fact]
    public void Build_UnappliedPaymentAfterAsOf_DoesNotCount()
    {
        var result = Build([Invoice("inv-1", 4000m, 20)], [new LedgerPayment("p-1", "job-1", AsOf.AddDays(1), 4000m, 4000m, null)]);

        Assert.Single(result.Chase);
    }

    [Fact]
    public void Build_Disputed_IsRemovedWithTheDisputeReason()
    {
        var result = Build([Invoice("inv-1", 4000m, 20)], disputes: [new InvoiceDispute("inv-1", "owner disputes the change order pricing", AsOf.AddDays(-3))]);

        var removed = Assert.Single(result.Removed);
        Assert.Equal(ChaseListTools.Disputed, removed.Code);
        Assert.Contains("change order pricing", removed.Reason);
    }

    [Theory]
    [InlineData(0, 0, "pending")]
    [InlineData(0, 1, "broken")]
    [InlineData(2500, 1, "kept")]
    [InlineData(1000, 1, "broken")]
    public void StateOf_PaymentsAndDates_DecideThePromise(int paidAfterPromise, int daysAfterPromisedDate, string expected)
    {
        var promise = new PromiseToPay("ptp-1", "inv-1", 2500m, AsOf.AddDays(-daysAfterPromisedDate), AsOf.AddDays(-10));
        var payments = paidAfterPromise == 0 ? Array.Empty<LedgerPayment>() : [new LedgerPayment("p-1", "job-1", AsOf.AddDays(-2), paidAfterPromise, 0m, null)];
        var lines = paidAfterPromise == 0 ? Array.Empty<ArPaymentLine>() : [new ArPaymentLine("p-1", "inv-1", paidAfterPromise)];

        Assert.Equal(expected, ChaseListTools.StateOf(promise, payments, lines, AsOf).ToString().ToLowerInvariant());
    }

    [Fact]
    public void Build_UnbrokenPromise_RemovesTheInvoiceUntilItsDate()
    {
        var promise = new PromiseToPay("ptp-1", "inv-1", 4000m, AsOf.AddDays(3), AsOf.AddDays(-2));

        var pending = Build([Invoice("inv-1", 4000m, 20)], promises: [promise]);
        var broken = Build([Invoice("inv-1", 4000m, 20)], promises: [promise], asOf: AsOf.AddDays(4));

        Assert.Equal(ChaseListTools.Promised, Assert.Single(pending.Removed).Code);
        var chased = Assert.Single(broken.Chase);
        Assert.Equal(promise, chased.BrokenPromise);
        Assert.Equal(1, chased.BrokenPromisesForCustomer);
    }
}
