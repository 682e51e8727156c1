using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Collections;

namespace BackOffice.Tests.Collections;

public sealed class FollowUpAndQueueTests
{
    [Theory]
    [InlineData(-4, null)]
    [InlineData(-3, "reminder")]
    [InlineData(0, "reminder")]
    [InlineData(14, "reminder")]
    [InlineData(15, "firm")]
    [InlineData(31, "text")]
    [InlineData(46, "call")]
    [InlineData(61, "lien-warning")]
    [InlineData(400, "lien-warning")]
    public void LevelFor_DaysPastDue_PicksTheLastStepReached(int days, string? level) =>
        Assert.Equal(level, FollowUpLevels.LevelFor(FollowUpLevels.Defaults, days, brokenPromise: false)?.Name);

    [Theory]
    [InlineData(-10, "reminder")]
    [InlineData(20, "text")]
    [InlineData(35, "call")]
    [InlineData(61, "lien-warning")]
    public void LevelFor_BrokenPromise_EscalatesOneStepNeverPastTheLast(int days, string level) =>
        Assert.Equal(level, FollowUpLevels.LevelFor(FollowUpLevels.Defaults, days, brokenPromise: true)!.Name);

    [Fact]
    public void Problems_StepsOutOfOrderOrUnknownChannel_AreReported()
    {
        var problems = FollowUpLevels.Problems([new(1, "a", 10, "email", "a.txt"), new(2, "b", 5, "fax", "b.txt")]);

        Assert.Equal(2, problems.Count);
    }

    private static ChaseItem Item(string id, decimal amount, int days, int brokenForCustomer = 0, string customer = "c-1")
    {
        var invoice = new ArInvoice(id, customer, id, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), amount, 0m);
        return new ChaseItem(new OpenItem(invoice, 0m, amount, days, "x"), amount, 0m, null, brokenForCustomer);
    }

    [Fact]
    public void Rank_DocumentedScore_OrdersWorstFirstWithReasons()
    {
        var families = new Dictionary<string, string>();
        var late = new Dictionary<string, int> { ["c-2"] = 6 };
        var items = new[]
        {
            Item("small-old", 500m, 80),                       // 80 + 0
            Item("big-new", 96000m, 10),                       // 10 + 96 = 106
            Item("promise", 4000m, 20, brokenForCustomer: 2),  // 20 + 4 + 50 = 74
            Item("late-payer", 12400.99m, 45, customer: "c-2"), // 45 + 12 + 6 = 63
            Item("not-due", 900000m, -3, brokenForCustomer: 1), // not yet due: 0
        };

        var queue = QueueScoring.Rank(items, late, families);

        Assert.Equal(["big-new", "small-old", "promise", "late-payer", "not-due"], queue.Select(q => q.Item.Item.Invoice.Id));
        Assert.Equal([106, 80, 74, 63, 0], queue.Select(q => q.Score));
        Assert.Equal([1, 2, 3, 4, 5], queue.Select(q => q.Rank));
        Assert.Equal("score 63 = 45 for 45 days past due + 12 for $12,400.99 to chase + 6 for paying 6 days late on average", queue[3].Reason);
        Assert.Contains("50 for 2 broken promise(s)", queue[2].Reason);
        Assert.Equal("score 0: not yet due (due in 3 days), $900,000.00 to chase", queue[4].Reason);
    }

    [Fact]
    public void Rank_EqualScores_BreakTiesByDaysThenAmountThenId()
    {
        var queue = QueueScoring.Rank([Item("b", 1000m, 50), Item("a", 1000m, 50), Item("c", 11000m, 40)], new Dictionary<string, int>(), new Dictionary<string, string>());

        Assert.Equal(["a", "b", "c"], queue.Select(q => q.Item.Item.Invoice.Id));
    }

    [Fact]
    public void AverageDaysLate_OnTimeCountsZero_LateCountsDays_RoundedDown()
    {
        var invoices = new[]
        {
            new ArInvoice("i-1", "job", "1", new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), 100m, 0m),
            new ArInvoice("i-2", "job", "2", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), 100m, 0m),
        };
        var payments = new[] { new LedgerPayment("p-1", "job", new DateOnly(2026, 1, 25), 100m, 0m, null), new LedgerPayment("p-2", "job", new DateOnly(2026, 3, 6), 100m, 0m, null) };
        var lines = new[] { new ArPaymentLine("p-1", "i-1", 100m), new ArPaymentLine("p-2", "i-2", 100m) };

        var late = QueueScoring.AverageDaysLate(invoices, payments, lines, new Dictionary<string, string> { ["job"] = "cust" }, new DateOnly(2026, 4, 1));

        Assert.Equal(2, late["cust"]);
    }
}
