using System.Text.Json.Nodes;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Writes owner invoices to the tenant's ledger (issue 13, for issue 16's <c>ledger.create-invoice</c>): the sandbox
/// ledger by default, QuickBooks Online when the tenant's target is quickbooks. Every write carries a request id
/// (QuickBooks <c>requestid</c>) that makes a retry answer with the original write.
/// </summary>
public interface IInvoiceWriter
{
    Task<LedgerWriteResult> CreateInvoiceAsync(TenantData tenant, InvoiceDraft invoice, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an invoice; <paramref name="syncToken"/> is the one we wrote: a ledger that holds another refuses
    /// (someone changed it), and so does one where a payment is applied to the invoice. <paramref name="written"/> is the
    /// invoice as the ledger answered our write, so a refusal can name the fields that differ now (issue 13,
    /// <see cref="LedgerChanges"/>); null when the proposal did not keep it.
    /// </summary>
    Task<LedgerWriteResult> DeleteInvoiceAsync(
        TenantData tenant, string invoiceId, long syncToken, JsonObject? written, string requestId, CancellationToken cancellationToken);

    /// <summary>The invoice's current SyncToken as the ledger holds it, or null when it is not there (any more).</summary>
    Task<long?> InvoiceSyncTokenAsync(TenantData tenant, string invoiceId, CancellationToken cancellationToken);
}

/// <summary>
/// The <see cref="IInvoiceWriter"/> the executor gets: a create goes to the tenant's target; an invoice the sandbox
/// wrote ("sbx-...") stays with the sandbox for reads and undo after the tenant switched to QuickBooks.
/// </summary>
public sealed class TargetedInvoiceWriter(IInvoiceWriter sandbox, IInvoiceWriter quickBooks) : IInvoiceWriter
{
    public async Task<LedgerWriteResult> CreateInvoiceAsync(TenantData tenant, InvoiceDraft invoice, string requestId, CancellationToken cancellationToken) =>
        await (await LedgerTargets.IsQuickBooksAsync(tenant, cancellationToken) ? quickBooks : sandbox)
            .CreateInvoiceAsync(tenant, invoice, requestId, cancellationToken);

    public Task<LedgerWriteResult> DeleteInvoiceAsync(
        TenantData tenant, string invoiceId, long syncToken, JsonObject? written, string requestId, CancellationToken cancellationToken) =>
        For(invoiceId).DeleteInvoiceAsync(tenant, invoiceId, syncToken, written, requestId, cancellationToken);

    public Task<long?> InvoiceSyncTokenAsync(TenantData tenant, string invoiceId, CancellationToken cancellationToken) =>
        For(invoiceId).InvoiceSyncTokenAsync(tenant, invoiceId, cancellationToken);

    private IInvoiceWriter For(string invoiceId) => invoiceId.StartsWith("sbx-", StringComparison.Ordinal) ? sandbox : quickBooks;
}
