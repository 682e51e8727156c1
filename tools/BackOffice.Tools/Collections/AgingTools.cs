using System.ComponentModel;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Collections;

/// <summary>An invoice still owed as of a date: <paramref name="Open"/> = total less payments applied on or before that date.</summary>
public sealed record OpenItem(ArInvoice Invoice, decimal Applied, decimal Open, int DaysPastDue, string Bucket);

/// <summary>One customer or job's aging: open amount per bucket label, the total, and retainage receivable apart from it.</summary>
public sealed record AgingRow(string CustomerId, IReadOnlyDictionary<string, decimal> Buckets, decimal Total, decimal RetainageReceivable);

/// <summary>A/R aging by due date (issue 5). Pure: callers pass the ledger's invoices and payments.</summary>
[ToolAccess(ToolAccess.Read)]
public static class AgingTools
{
    [Description("Days an invoice is past due as of a date: as-of minus due date; 0 or less means not yet past due (current).")]
    public static int DaysPastDue(
        [Description("Invoice due date, ISO yyyy-MM-dd")] DateOnly dueDate,
        [Description("The date the aging is computed as of")] DateOnly asOf) => asOf.DayNumber - dueDate.DayNumber;

    [Description("Open invoices as of a date: issued on or before it, less payments applied on or before it, with days past due and aging bucket.")]
    public static IReadOnlyList<OpenItem> OpenItems(
        [Description("Customer invoices from the ledger")] IReadOnlyList<ArInvoice> invoices,
        [Description("Customer payments from the ledger")] IReadOnlyList<LedgerPayment> payments,
        [Description("Payment applications to invoices")] IReadOnlyList<ArPaymentLine> lines,
        [Description("The date the aging is computed as of")] DateOnly asOf,
        [Description("Aging buckets; null for current, 1-30, 31-60, 61-90, over 90")] AgingBuckets? buckets = null,
        [Description("Count days from the due date (default) or from the invoice date")] AgingBasis basis = AgingBasis.DueDate)
    {
        buckets ??= AgingBuckets.Standard;
        var paidOn = payments.ToDictionary(p => p.Id, p => p.TxnDate);
        var applied = lines.Where(l => paidOn.TryGetValue(l.PaymentId, out var d) && d <= asOf)
            .GroupBy(l => l.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var items = new List<OpenItem>();
        foreach (var invoice in invoices.Where(i => i.TxnDate <= asOf))
        {
            var paid = applied.GetValueOrDefault(invoice.Id);
            var open = invoice.Total - paid;
            if (open <= 0m)
            {
                continue;
            }

            var days = DaysPastDue(invoice.DueDate, asOf);
            var age = basis == AgingBasis.InvoiceDate ? asOf.DayNumber - invoice.TxnDate.DayNumber : days;
            items.Add(new OpenItem(invoice, paid, open, days, buckets.LabelFor(age, basis)));
        }

        return items;
    }

    [Description("Aging per customer or job: open amount in each bucket and in total, with retainage receivable shown apart (it is not due until release).")]
    public static IReadOnlyList<AgingRow> ByCustomer(
        [Description("Open items from OpenItems")] IReadOnlyList<OpenItem> openItems,
        [Description("Customer invoices, for the retainage withheld on them")] IReadOnlyList<ArInvoice> invoices,
        [Description("The date the aging is computed as of")] DateOnly asOf,
        [Description("Aging buckets; null for the standard ones")] AgingBuckets? buckets = null,
        [Description("The basis the open items were aged on: due date (default) or invoice date")] AgingBasis basis = AgingBasis.DueDate,
        [Description("Customers' unapplied credits (credit memos); null for none")] IReadOnlyList<ArCredit>? credits = null,
        [Description("Settled invoices' figures per customer, for invoices left out of the list; null for none")] IReadOnlyList<SettledCustomer>? settled = null)
    {
        buckets ??= AgingBuckets.Standard;
        var retainage = RetainageReceivable(invoices, asOf, settled);
        // Issue 13: an unapplied credit memo is a negative amount aged from its own date (it has no due date), as the
        // A/R aging in QuickBooks lists it, so it lowers the customer's total.
        var credited = (credits ?? []).Where(c => c.TxnDate <= asOf && c.Remaining > 0m)
            .Select(c => (c.CustomerId, Bucket: buckets.LabelFor(asOf.DayNumber - c.TxnDate.DayNumber, basis), Open: -c.Remaining)).ToList();
        var customers = openItems.Select(i => i.Invoice.CustomerId).Concat(retainage.Where(r => r.Value != 0m).Select(r => r.Key))
            .Concat(credited.Select(c => c.CustomerId)).Distinct().Order(StringComparer.Ordinal);
        var byCustomer = openItems.Select(i => (i.Invoice.CustomerId, i.Bucket, i.Open)).Concat(credited).ToLookup(i => i.CustomerId, StringComparer.Ordinal);
        return customers.Select(customer =>
        {
            var mine = byCustomer[customer].ToList();
            var byBucket = buckets.LabelsFor(basis).ToDictionary(l => l, l => mine.Where(i => i.Bucket == l).Sum(i => i.Open));
            return new AgingRow(customer, byBucket, mine.Sum(i => i.Open), retainage.GetValueOrDefault(customer));
        }).ToList();
    }

    /// <summary>
    /// Retainage receivable per customer or job as of a date: retainage withheld on its invoices less the retainage
    /// release invoices billed for it (those are ordinary receivables from then on, aged by their own due date).
    /// Never below zero: a release for retainage withheld before the books in the bundle begin does not make the
    /// owner hold a negative amount.
    /// </summary>
    [Description("Retainage receivable per customer or job as of a date: withheld on invoices, less release invoices billed, not below zero.")]
    public static IReadOnlyDictionary<string, decimal> RetainageReceivable(
        [Description("Customer invoices from the ledger")] IReadOnlyList<ArInvoice> invoices,
        [Description("The date the retainage is computed as of")] DateOnly asOf,
        [Description("Settled invoices' net retainage per customer, for invoices left out of the list (issue 18); null for none")] IReadOnlyList<SettledCustomer>? settled = null) =>
        // Issue 18: the settled invoices' net retainage is added before the floor at zero, as if they were in the list.
        invoices.Where(i => i.TxnDate <= asOf).Select(i => (i.CustomerId, Net: i.Retainage - i.RetainageReleased))
            .Concat((settled ?? []).Select(s => (s.CustomerId, Net: s.RetainageHeld)))
            .GroupBy(i => i.CustomerId).ToDictionary(g => g.Key, g => Math.Max(0m, g.Sum(i => i.Net)), StringComparer.Ordinal);
}
