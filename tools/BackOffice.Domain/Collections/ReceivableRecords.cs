namespace BackOffice.Domain.Collections;

/// <summary>
/// A customer invoice as the ledger holds it. <paramref name="Total"/> is what is due now (net of retainage, as in
/// QuickBooks); <paramref name="Retainage"/> is what the owner withheld on it and pays at release (issue 5).
/// </summary>
public sealed record ArInvoice(
    string Id, string CustomerId, string? DocNumber, DateOnly TxnDate, DateOnly DueDate, decimal Total, decimal Retainage,
    bool IsRetainageRelease = false, decimal? Released = null)
{
    /// <summary>Issue 16: retainage this invoice collects: its release lines, or its whole total when only the flag is known.</summary>
    public decimal RetainageReleased => Released ?? (IsRetainageRelease ? Total : 0m);
}

/// <summary>Part of a payment applied to one invoice (QuickBooks LinkedTxn).</summary>
public sealed record ArPaymentLine(string PaymentId, string InvoiceId, decimal Amount);

/// <summary>A customer's promise, taken on a call, to pay <paramref name="Amount"/> on an invoice by <paramref name="PromisedDate"/>.</summary>
public sealed record PromiseToPay(string Id, string InvoiceId, decimal Amount, DateOnly PromisedDate, DateOnly RecordedOn);

/// <summary>An invoice the customer disputes; it is not chased while the dispute is open.</summary>
public sealed record InvoiceDispute(string InvoiceId, string Reason, DateOnly OpenedOn);

/// <summary>
/// A customer credit still unapplied (issue 13: a QuickBooks CreditMemo's RemainingCredit). A credit applied to an
/// invoice is a payment line on that invoice instead, so it is never counted twice.
/// </summary>
public sealed record ArCredit(string Id, string CustomerId, DateOnly TxnDate, decimal Remaining);

/// <summary>
/// Issue 18: what a customer's settled invoices (paid in full by payments dated on or before a snapshot's date) still add
/// to the figures at any later date: their net retainage (withheld less released) and their payments' days late
/// (<paramref name="DaysLate"/> summed over <paramref name="Payments"/> payment lines). Aging at a new date reads these
/// instead of the settled invoices and their payments.
/// </summary>
public sealed record SettledCustomer(string CustomerId, decimal RetainageHeld, int DaysLate, int Payments);
