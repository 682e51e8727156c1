using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.Reconciliation;

/// <summary>
/// Money received but not applied to the invoice it pays. Kept as its own tool because Collections reads it too:
/// an invoice whose customer has unapplied cash must not be chased (issue 3; DESIGN.md "reconcile first, chase second").
/// </summary>
public static class PaymentTools
{
    [Description("Customer payments received on or before a date that still have an unapplied amount (QuickBooks UnappliedAmt > 0).")]
    public static IReadOnlyList<LedgerPayment> UnappliedPayments(
        [Description("Ledger customer payments")] IReadOnlyList<LedgerPayment> payments,
        [Description("As-of date, yyyy-MM-dd; later payments are ignored")] DateOnly asOf) =>
        payments.Where(p => p.Unapplied > 0m && p.TxnDate <= asOf).OrderBy(p => p.TxnDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    [Description("Unapplied cash per ledger customer as of a date, in dollars.")]
    public static IReadOnlyDictionary<string, decimal> UnappliedByCustomer(
        [Description("Ledger customer payments")] IReadOnlyList<LedgerPayment> payments,
        [Description("As-of date, yyyy-MM-dd")] DateOnly asOf) =>
        UnappliedPayments(payments, asOf).GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.Sum(p => p.Unapplied), StringComparer.Ordinal);
}
