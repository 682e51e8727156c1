using System.ComponentModel;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Collections;

/// <summary>One place in the worst-first queue: the score, its parts, and the reason in words.</summary>
public sealed record QueueEntry(int Rank, ChaseItem Item, int Score, int DaysPoints, int AmountPoints, int HistoryPoints, int PromisePoints, string Reason);

/// <summary>
/// The worst-first score (issue 5), in whole points so that ties are exact:
/// <list type="bullet">
/// <item>1 point per day past due (0 when not yet due);</item>
/// <item>1 point per whole $1,000 still to chase;</item>
/// <item>1 point per day the customer family paid late on average (payments applied on or before the as-of date, a
/// payment on or before the due date counting as 0 days late, rounded down);</item>
/// <item><see cref="PointsPerBrokenPromise"/> points per broken promise in the customer family.</item>
/// </list>
/// An invoice not yet due scores 0 (it is on the list only for its reminder), so every past-due invoice outranks it.
/// Higher is worse. Ties go to more days past due, then the larger amount, then the invoice id, so the order is stable.
/// </summary>
public static class QueueScoring
{
    public const int PointsPerBrokenPromise = 25;

    [Description("Average days late per customer family over payments applied on or before a date (0 for on time or early), rounded down.")]
    public static IReadOnlyDictionary<string, int> AverageDaysLate(
        [Description("Customer invoices")] IReadOnlyList<ArInvoice> invoices,
        [Description("Customer payments")] IReadOnlyList<LedgerPayment> payments,
        [Description("Payment applications to invoices")] IReadOnlyList<ArPaymentLine> lines,
        [Description("Customer id -> its top-level customer id")] IReadOnlyDictionary<string, string> familyOf,
        [Description("Only payments on or before this date count")] DateOnly asOf,
        [Description("Settled invoices' days late per customer, for invoices left out of the list (issue 18); null for none")] IReadOnlyList<SettledCustomer>? settled = null)
    {
        var byId = invoices.ToDictionary(i => i.Id);
        var paidOn = payments.Where(p => p.TxnDate <= asOf).ToDictionary(p => p.Id, p => p.TxnDate);
        // Issue 18: settled invoices' payments come as sums and counts per customer, added before the division.
        return lines.Where(l => paidOn.ContainsKey(l.PaymentId) && byId.ContainsKey(l.InvoiceId))
            .Select(l => (byId[l.InvoiceId].CustomerId, Late: Math.Max(0, paidOn[l.PaymentId].DayNumber - byId[l.InvoiceId].DueDate.DayNumber), Count: 1))
            .Concat((settled ?? []).Where(s => s.Payments > 0).Select(s => (s.CustomerId, Late: s.DaysLate, Count: s.Payments)))
            .GroupBy(x => familyOf.GetValueOrDefault(x.CustomerId, x.CustomerId))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Late) / g.Sum(x => x.Count), StringComparer.Ordinal);
    }

    [Description("Rank chase items worst first by the documented score, with the reason for each rank.")]
    public static IReadOnlyList<QueueEntry> Rank(
        [Description("Items to chase from ChaseListTools.Build")] IReadOnlyList<ChaseItem> items,
        [Description("Average days late per customer family from AverageDaysLate")] IReadOnlyDictionary<string, int> averageDaysLate,
        [Description("Customer id -> its top-level customer id")] IReadOnlyDictionary<string, string> familyOf)
    {
        var scored = items.Select(item =>
        {
            var pastDue = item.Item.DaysPastDue > 0;
            var days = Math.Max(0, item.Item.DaysPastDue);
            var amount = pastDue ? (int)decimal.Floor(item.ChaseAmount / 1000m) : 0;
            var history = pastDue ? averageDaysLate.GetValueOrDefault(familyOf.GetValueOrDefault(item.Item.Invoice.CustomerId, item.Item.Invoice.CustomerId)) : 0;
            var promises = pastDue ? item.BrokenPromisesForCustomer * PointsPerBrokenPromise : 0;
            return (Item: item, Days: days, Amount: amount, History: history, Promises: promises, Score: days + amount + history + promises);
        });
        return scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Item.Item.DaysPastDue).ThenByDescending(s => s.Item.ChaseAmount)
            .ThenBy(s => s.Item.Item.Invoice.Id, StringComparer.Ordinal)
            .Select((s, i) => new QueueEntry(i + 1, s.Item, s.Score, s.Days, s.Amount, s.History, s.Promises, Reason(s.Item, s.Days, s.Amount, s.History, s.Promises, s.Score)))
            .ToList();
    }

    private static string Reason(ChaseItem item, int days, int amount, int history, int promises, int score)
    {
        if (item.Item.DaysPastDue <= 0)
        {
            return $"score 0: not yet due (due in {-item.Item.DaysPastDue} days), {MoneyText.Usd(item.ChaseAmount)} to chase";
        }

        var parts = new List<string> { $"{days} for {days} days past due", $"{amount} for {MoneyText.Usd(item.ChaseAmount)} to chase" };
        if (history > 0)
        {
            parts.Add($"{history} for paying {history} days late on average");
        }

        if (promises > 0)
        {
            parts.Add($"{promises} for {item.BrokenPromisesForCustomer} broken promise(s)");
        }

        return $"score {score} = " + string.Join(" + ", parts);
    }
}
