using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>A hand-worked example (no published source: the method is this product's, described in CashForecastTools).</summary>
public sealed class CashForecastToolsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public void AverageDaysToPay_IsWeightedByAmount()
    {
        // 30,000 paid in 40 days and 10,000 in 20 days: (1,200,000 + 200,000) / 40,000 = 35 days.
        var history = new[]
        {
            new PaidInvoice("c", new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 10), 30_000m),
            new PaidInvoice("c", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 21), 10_000m),
        };
        Assert.Equal(35, CashForecastTools.AverageDaysToPay(history));
        Assert.Null(CashForecastTools.AverageDaysToPay([]));
    }

    [Theory]
    [InlineData(35, "2026-12-15")]
    [InlineData(null, "2026-12-10")]
    [InlineData(5, "2026-11-20")]
    public void ExpectedCollection_UsesHistoryThenDueDateAndNeverThePast(int? days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CashForecastTools.ExpectedCollection(new Receivable("i", "c", new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), 1m), days, AsOf));

    [Fact]
    public void Forecast_BucketsReceiptsPayablesAndPayroll()
    {
        var receivables = new[]
        {
            new Receivable("i1", "slow", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), 50_000m),  // 60 days -> Dec 31, day 41
            new Receivable("i2", "new", new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15), 20_000m), // due Dec 15, day 25
        };
        var history = new[] { new PaidInvoice("slow", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 31), 10_000m) };
        var payables = new[]
        {
            new Payable("b1", new DateOnly(2026, 11, 30), 8_000m),  // day 10
            new Payable("b2", new DateOnly(2027, 2, 10), 4_000m),   // day 82
            new Payable("b0", new DateOnly(2026, 11, 1), 9_999m),   // past due: not a future outflow
        };
        // Last week on record starts Nov 16 at 3,000 (average of the last four 2,000/2,000/3,000/5,000 = 3,000):
        // next weeks Nov 23 (day 3), then every 7 days: days 3..87 -> 13 weeks: 4 in 0-30 (3, 10, 17, 24), 5 in 31-60, 4 in 61-90.
        var payroll = new[] { 2_000m, 2_000m, 3_000m, 5_000m }
            .Select((g, i) => new PayrollWeek(new DateOnly(2026, 10, 26).AddDays(7 * i), g)).ToList();

        var buckets = CashForecastTools.Forecast(AsOf, receivables, history, payables, payroll);

        Assert.Equal([(0, 30), (31, 60), (61, 90)], buckets.Select(b => (b.FromDay, b.ToDay)));
        Assert.Equal([20_000m, 50_000m, 0m], buckets.Select(b => b.Receipts));
        Assert.Equal([8_000m, 0m, 4_000m], buckets.Select(b => b.Payables));
        Assert.Equal([12_000m, 15_000m, 12_000m], buckets.Select(b => b.Payroll));
        Assert.Equal([0m, 35_000m, -16_000m], buckets.Select(b => b.Net));
        Assert.Equal(19_000m, buckets[^1].Cumulative);
    }
}
