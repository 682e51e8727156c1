using BackOffice.Agents.Books;
using BackOffice.Agents.Collections;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Tools.Collections;

namespace BackOffice.Tests.Collections;

/// <summary>
/// Issue 18: Collections' aging snapshot. Which invoices it leaves out as settled, and how the settled invoices'
/// figures per customer enter the tools at a later date: added before the retainage floor and before the division of
/// the average days late, so the figures are those of the whole books.
/// </summary>
public sealed class AgingSnapshotTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 15);

    private static ArInvoice Invoice(string id, decimal total, DateOnly txn, string customer = "c-1", decimal retainage = 0m) =>
        new(id, customer, id, txn, txn.AddDays(30), total, retainage);

    /// <summary>Withheld 100 on the list; the settled invoices' net comes before the floor at zero (a release billed for more than was withheld does not go negative).</summary>
    [Theory]
    [InlineData(0, 100)]
    [InlineData(50, 150)]
    [InlineData(-60, 40)]
    [InlineData(-150, 0)]
    public void RetainageReceivable_SettledNet_AddedBeforeTheFloorAtZero(int settled, int expected)
    {
        var held = AgingTools.RetainageReceivable([Invoice("i-1", 900m, AsOf.AddDays(-40), retainage: 100m)], AsOf,
            [new SettledCustomer("c-1", settled, 0, 0)]);

        Assert.Equal(expected, held["c-1"]);
    }

    /// <summary>One listed payment 10 days late and three settled ones 20 days late in all: (10 + 20) / 4 = 7 (rounded down), not an average of averages.</summary>
    [Fact]
    public void AverageDaysLate_SettledSumAndCount_DividedWithTheListedPayments()
    {
        var invoice = Invoice("i-1", 100m, new DateOnly(2026, 9, 1));
        var payment = new LedgerPayment("p-1", "c-1", invoice.DueDate.AddDays(10), 100m, 0m, null);

        var late = QueueScoring.AverageDaysLate([invoice], [payment], [new ArPaymentLine("p-1", "i-1", 100m)], new Dictionary<string, string>(), AsOf,
            [new SettledCustomer("c-1", 0m, 20, 3)]);

        Assert.Equal(7, late["c-1"]);
    }

    /// <summary>
    /// Settled: dated on or before the date and paid in full by payments dated on or before it. Kept open: paid in part,
    /// paid by a payment dated later, or dated later itself.
    /// </summary>
    [Fact]
    public void Take_InvoicesAsOfADate_LeavesOutOnlyThoseSettledByThen()
    {
        var txn = new DateOnly(2026, 9, 1);
        var invoices = new[]
        {
            Invoice("paid", 100m, txn, retainage: 10m), Invoice("part", 100m, txn), Invoice("paid-later", 100m, txn),
            Invoice("issued-later", 100m, AsOf.AddDays(1)), Invoice("other", 50m, txn, customer: "c-2"),
        };
        var payments = new[]
        {
            new LedgerPayment("p-1", "c-1", txn.AddDays(42), 150m, 0m, null), new LedgerPayment("p-2", "c-1", AsOf.AddDays(2), 100m, 0m, null),
            new LedgerPayment("p-3", "c-2", txn.AddDays(10), 50m, 0m, null),
        };
        var lines = new[]
        {
            new ArPaymentLine("p-1", "paid", 100m), new ArPaymentLine("p-1", "part", 50m), new ArPaymentLine("p-2", "paid-later", 100m),
            new ArPaymentLine("p-3", "other", 50m),
        };
        var data = new CollectionsData(invoices, payments, lines, [], [], [], new Dictionary<string, LedgerCustomer>(), [], [], Identity(),
            [new SettledCustomer("c-1", 5m, 4, 1)]);

        var (open, settled) = AgingSnapshot.Take(data, AsOf);

        Assert.Equal(["part", "paid-later", "issued-later"], open);
        // c-1: 5 + 10 of retainage; p-1 paid "paid" 12 days after its due date, on top of 4 days over 1 payment before.
        Assert.Equal([new SettledCustomer("c-1", 15m, 16, 2), new SettledCustomer("c-2", 0m, 0, 1)], settled);
    }

    private static IdentityResolver Identity() =>
        new(new BooksMasters([], [], [], []), new Dictionary<string, string>(), new Dictionary<string, string>());
}
