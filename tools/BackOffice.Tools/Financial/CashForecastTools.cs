using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Financial;

/// <summary>An invoice with money still owed on it as of the forecast date.</summary>
public sealed record Receivable(string InvoiceId, string CustomerId, DateOnly InvoiceDate, DateOnly DueDate, decimal OpenAmount);

/// <summary>One past application of a payment to an invoice: how long that customer took to pay.</summary>
public sealed record PaidInvoice(string CustomerId, DateOnly InvoiceDate, DateOnly PaidDate, decimal Amount);

/// <summary>A bill to pay on <paramref name="DueDate"/>; <paramref name="VendorId"/> lets a vendor's credits be taken off it (issue 13).</summary>
public sealed record Payable(string BillId, DateOnly DueDate, decimal Amount, string? VendorId = null);

/// <summary>A past payroll week's gross pay.</summary>
public sealed record PayrollWeek(DateOnly WeekStart, decimal Gross);

/// <summary>
/// Issue 17: a job's next owner pay application, not billed yet: work earned to date less billed to date, less the
/// retainage the contract withholds (<paramref name="RetainagePercent"/>, e.g. 10), collected on <paramref name="DueDate"/>.
/// </summary>
public sealed record ExpectedBilling(string JobId, decimal EarnedToDate, decimal BilledToDate, decimal RetainagePercent, DateOnly DueDate);

/// <summary>
/// Cash in and out for days <paramref name="FromDay"/>..<paramref name="ToDay"/> after the forecast date; receipts are
/// open invoices, <paramref name="ExpectedBillings"/> the pay applications not billed yet (issue 17), both in the net.
/// </summary>
public sealed record CashBucket(int FromDay, int ToDay, decimal Receipts, decimal Payables, decimal Payroll, decimal Net, decimal Cumulative, decimal ExpectedBillings = 0m);

/// <summary>
/// 30/60/90-day cash forecast (issue 3). Receipts land on the date each customer's own history says they pay
/// (invoice date + that customer's amount-weighted average days to pay), falling back to the due date for a customer
/// with no history; anything expected before the forecast date lands in the first bucket. Payables land on their due
/// date. Payroll repeats the average of the last four weeks, weekly, after the last week on record.
/// </summary>
public static class CashForecastTools
{
    public static readonly int[] Horizons = [30, 60, 90];

    [Description("A customer's amount-weighted average days from invoice to payment, rounded half away from zero; null without history.")]
    public static int? AverageDaysToPay(
        [Description("Past invoice payments of one customer")] IReadOnlyList<PaidInvoice> history)
    {
        var amount = history.Sum(h => h.Amount);
        return amount <= 0m ? null
            : (int)Math.Round(history.Sum(h => h.Amount * (h.PaidDate.DayNumber - h.InvoiceDate.DayNumber)) / amount, MidpointRounding.AwayFromZero);
    }

    [Description("The date an open invoice is expected to be collected, from the customer's own payment history.")]
    public static DateOnly ExpectedCollection(
        [Description("The open invoice")] Receivable receivable,
        [Description("The customer's average days to pay, or null when it has no history")] int? averageDaysToPay,
        [Description("Forecast date, yyyy-MM-dd")] DateOnly asOf)
    {
        var expected = averageDaysToPay is { } days ? receivable.InvoiceDate.AddDays(days) : receivable.DueDate;
        return expected < asOf ? asOf : expected;
    }

    [Description("Cash a job's next pay application brings: earned to date less billed to date (nothing when billed ahead), less retainage at the contract's percent, each rounded to the cent half away from zero.")]
    public static decimal ExpectedBillingCash(
        [Description("The job's next pay application")] ExpectedBilling billing)
    {
        var billable = Math.Max(0m, billing.EarnedToDate - billing.BilledToDate);
        return MoneyMath.RoundToCent(billable) - MoneyMath.PercentOf(billable, billing.RetainagePercent);
    }

    [Description("30/60/90-day cash forecast: receipts from open receivables by each customer's payment history, pay applications not billed yet by their due date, payables by due date, payroll at its recent weekly average.")]
    public static IReadOnlyList<CashBucket> Forecast(
        [Description("Forecast date, yyyy-MM-dd")] DateOnly asOf,
        [Description("Open receivables")] IReadOnlyList<Receivable> receivables,
        [Description("Past invoice payments, all customers")] IReadOnlyList<PaidInvoice> history,
        [Description("Open payables")] IReadOnlyList<Payable> payables,
        [Description("Past payroll weeks")] IReadOnlyList<PayrollWeek> payroll,
        [Description("Each job's next pay application not billed yet (issue 17); none when null")] IReadOnlyList<ExpectedBilling>? billings = null)
    {
        var expected = (billings ?? []).Select(b => (Day: Day(asOf, b.DueDate < asOf ? asOf : b.DueDate), Amount: ExpectedBillingCash(b))).ToList();
        var averages = history.GroupBy(h => h.CustomerId).ToDictionary(g => g.Key, g => AverageDaysToPay(g.ToList()), StringComparer.Ordinal);
        var receipts = receivables.Select(r => (Day: Day(asOf, ExpectedCollection(r, averages.GetValueOrDefault(r.CustomerId), asOf)), r.OpenAmount)).ToList();
        var bills = payables.Where(p => p.DueDate >= asOf).Select(p => (Day: Day(asOf, p.DueDate), p.Amount)).ToList();
        var wages = PayrollDays(asOf, payroll);
        var buckets = new List<CashBucket>();
        var from = 0;
        var cumulative = 0m;
        foreach (var to in Horizons)
        {
            var inflow = receipts.Where(r => r.Day >= from && r.Day <= to).Sum(r => r.OpenAmount);
            var bill = bills.Where(b => b.Day >= from && b.Day <= to).Sum(b => b.Amount);
            var pay = wages.Where(w => w.Day >= from && w.Day <= to).Sum(w => w.Gross);
            var billed = expected.Where(e => e.Day >= from && e.Day <= to).Sum(e => e.Amount);
            var net = inflow + billed - bill - pay;
            cumulative += net;
            buckets.Add(new CashBucket(from, to, inflow, bill, pay, net, cumulative, billed));
            from = to + 1;
        }

        return buckets;
    }

    private static int Day(DateOnly asOf, DateOnly date) => date.DayNumber - asOf.DayNumber;

    /// <summary>Future weeks after the last one on record, each at the last four weeks' average (rounded to the cent).</summary>
    private static List<(int Day, decimal Gross)> PayrollDays(DateOnly asOf, IReadOnlyList<PayrollWeek> payroll)
    {
        if (payroll.Count == 0)
        {
            return [];
        }

        var weeks = payroll.GroupBy(p => p.WeekStart).Select(g => (Week: g.Key, Gross: g.Sum(p => p.Gross))).OrderBy(w => w.Week).ToList();
        var recent = weeks.TakeLast(4).ToList();
        var average = MoneyMath.RoundToCent(recent.Sum(w => w.Gross) / recent.Count);
        var next = weeks[^1].Week.AddDays(7);
        while (next < asOf)
        {
            next = next.AddDays(7);
        }

        var days = new List<(int, decimal)>();
        for (var week = next; Day(asOf, week) <= Horizons[^1]; week = week.AddDays(7))
        {
            days.Add((Day(asOf, week), average));
        }

        return days;
    }
}
