using System.ComponentModel;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Tools;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Tools.Collections;

public enum PromiseState
{
    Pending,
    Kept,
    Broken,
}

/// <summary>An open invoice that should be chased, for <paramref name="ChaseAmount"/> (open less unapplied money that covers part of it).</summary>
public sealed record ChaseItem(OpenItem Item, decimal ChaseAmount, decimal UnappliedCovered, PromiseToPay? BrokenPromise, int BrokenPromisesForCustomer);

/// <summary>An open invoice taken off the chase list, and why (issue 5: say why each was removed).</summary>
public sealed record RemovedItem(OpenItem Item, string Code, string Reason);

public sealed record ChaseList(IReadOnlyList<ChaseItem> Chase, IReadOnlyList<RemovedItem> Removed);

/// <summary>Reconcile first, chase second (issue 5): takes off the chase list what is paid but unapplied, disputed or promised.</summary>
[ToolAccess(ToolAccess.Read)]
public static class ChaseListTools
{
    public const string Unapplied = "unapplied";
    public const string Disputed = "disputed";
    public const string Promised = "promised";

    [Description("State of a promise to pay as of a date: kept when payments applied to the invoice on or after the day it was recorded reach the promised amount; pending until the promised date; broken after it.")]
    public static PromiseState StateOf(
        [Description("The promise")] PromiseToPay promise,
        [Description("Customer payments")] IReadOnlyList<LedgerPayment> payments,
        [Description("Payment applications to invoices")] IReadOnlyList<ArPaymentLine> lines,
        [Description("The date the state is computed as of")] DateOnly asOf)
        => StateOf(promise, payments.ToDictionary(p => p.Id, p => p.TxnDate), lines.ToLookup(l => l.InvoiceId), asOf);

    private static PromiseState StateOf(
        PromiseToPay promise, IReadOnlyDictionary<string, DateOnly> paidOn, ILookup<string, ArPaymentLine> linesByInvoice, DateOnly asOf)
    {
        var paidSince = linesByInvoice[promise.InvoiceId]
            .Where(l => paidOn.TryGetValue(l.PaymentId, out var d) && d >= promise.RecordedOn && d <= asOf)
            .Sum(l => l.Amount);
        if (paidSince >= promise.Amount)
        {
            return PromiseState.Kept;
        }

        return asOf <= promise.PromisedDate ? PromiseState.Pending : PromiseState.Broken;
    }

    /// <summary>
    /// The unapplied-payment rule: a customer's unapplied money (payments dated on or before the as-of date with
    /// unapplied_cents &gt; 0) is pooled per customer family (the top-level customer and all its jobs, since QuickBooks
    /// often records the payment on the parent while the invoice is on the job) and laid against that family's open
    /// invoices oldest due date first (then invoice id). An invoice the pool covers in full is removed; one covered in
    /// part stays on the list for the uncovered rest only. Disputes and unbroken promises are checked after that.
    /// </summary>
    [Description("Split open invoices into what to chase and what to leave alone (paid but unapplied, disputed, under an unbroken promise to pay), with the reason for each removal.")]
    public static ChaseList Build(
        [Description("Open items from AgingTools.OpenItems")] IReadOnlyList<OpenItem> openItems,
        [Description("Customer payments, with unapplied amounts")] IReadOnlyList<LedgerPayment> payments,
        [Description("Payment applications to invoices")] IReadOnlyList<ArPaymentLine> lines,
        [Description("Promises to pay")] IReadOnlyList<PromiseToPay> promises,
        [Description("Open disputes")] IReadOnlyList<InvoiceDispute> disputes,
        [Description("Customer id -> its top-level customer id")] IReadOnlyDictionary<string, string> familyOf,
        [Description("The date the list is built as of")] DateOnly asOf)
    {
        string Family(string customer) => familyOf.GetValueOrDefault(customer, customer);
        var pools = PaymentTools.UnappliedPayments(payments, asOf).GroupBy(p => Family(p.CustomerId))
            .ToDictionary(g => g.Key, g => (Left: g.Sum(p => p.Unapplied), Refs: string.Join(", ", g.Select(p => p.Reference ?? p.Id))));
        var paidOn = payments.ToDictionary(p => p.Id, p => p.TxnDate);
        var linesByInvoice = lines.ToLookup(l => l.InvoiceId);
        var states = promises.GroupBy(p => p.InvoiceId)
            .Select(g => g.OrderByDescending(p => p.RecordedOn).ThenByDescending(p => p.Id, StringComparer.Ordinal).First())
            .ToDictionary(p => p.InvoiceId, p => (Promise: p, State: StateOf(p, paidOn, linesByInvoice, asOf)));
        var brokenByFamily = promises.Where(p => StateOf(p, paidOn, linesByInvoice, asOf) == PromiseState.Broken)
            .Join(openItems, p => p.InvoiceId, i => i.Invoice.Id, (p, i) => Family(i.Invoice.CustomerId))
            .GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var disputed = disputes.GroupBy(d => d.InvoiceId).ToDictionary(g => g.Key, g => g.First());
        var chase = new List<ChaseItem>();
        var removed = new List<RemovedItem>();
        foreach (var item in openItems.OrderBy(i => i.Invoice.DueDate).ThenBy(i => i.Invoice.Id, StringComparer.Ordinal))
        {
            var family = Family(item.Invoice.CustomerId);
            var pool = pools.GetValueOrDefault(family);
            var covered = Math.Min(pool.Left, item.Open);
            if (covered > 0m)
            {
                pools[family] = (pool.Left - covered, pool.Refs);
            }

            var promise = states.GetValueOrDefault(item.Invoice.Id);
            if (WhyNotChased(item, covered, pool.Refs, disputed.GetValueOrDefault(item.Invoice.Id), promise.Promise, promise.State) is { } reason)
            {
                removed.Add(reason);
                continue;
            }

            var broken = promise.State == PromiseState.Broken ? promise.Promise : null;
            chase.Add(new ChaseItem(item, item.Open - covered, covered, broken, brokenByFamily.GetValueOrDefault(family)));
        }

        return new ChaseList(chase, removed);
    }

    /// <summary>Reconcile first (unapplied money), then disputes, then unbroken promises: the first that applies is the reason.</summary>
    private static RemovedItem? WhyNotChased(
        OpenItem item, decimal covered, string? poolRefs, InvoiceDispute? dispute, PromiseToPay? promise, PromiseState state)
    {
        if (covered == item.Open)
        {
            return new RemovedItem(item, Unapplied,
                $"paid but unapplied: {Text(covered)} of unapplied payment ({poolRefs}) covers the open {Text(item.Open)}; apply it in the ledger instead of chasing");
        }

        if (dispute is not null)
        {
            return new RemovedItem(item, Disputed, $"disputed since {Day(dispute.OpenedOn)}: {dispute.Reason}");
        }

        return promise is not null && state == PromiseState.Pending
            ? new RemovedItem(item, Promised, $"promise to pay {Text(promise.Amount)} by {Day(promise.PromisedDate)} (recorded {Day(promise.RecordedOn)}) is not yet due")
            : null;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(decimal amount) => BackOffice.Domain.Money.MoneyText.Usd(amount);
}
