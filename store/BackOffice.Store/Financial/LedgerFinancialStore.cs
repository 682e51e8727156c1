using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Collections;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>Reads the ledger side's receivables, payments, purchase orders and cost postings (issue 3).</summary>
public sealed partial class LedgerFinancialStore(TenantData tenant)
{
    /// <summary>Account types whose postings are job cost or overhead: what can be mis-coded or charged to a closed job.</summary>
    private const string CostTypes = "('Cost of Goods Sold', 'Expense', 'Other Expense')";

    /// <summary>
    /// The one reader of ledger_invoices (issue 12; Collections reads through it). An invoice with a line whose item is
    /// "Retainage release" is a release billing (docs/DATA-FORMAT.md demo convention).
    /// </summary>
    public Task<IReadOnlyList<LedgerInvoice>> InvoicesAsync(CancellationToken cancellationToken) => InvoicesWhereAsync("", null, cancellationToken);

    /// <summary>
    /// The invoices of <see cref="InvoicesAsync(CancellationToken)"/> among <paramref name="ids"/>, same shape and order.
    /// Issue 17: a report refreshed per key re-reads the invoices the change journal names.
    /// </summary>
    public Task<IReadOnlyList<LedgerInvoice>> InvoicesWithIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        InvoicesWhereAsync($"WHERE {StoreSql.InJson(tenant.Dialect, "i.id", "@Ids")}", ids, cancellationToken);

    /// <summary>
    /// Issue 18: the invoices Collections' aging snapshot holds (those not settled as of its date) and every invoice of
    /// <paramref name="customers"/> (those whose receivables changed since it), as <see cref="InvoicesAsync"/> reads them.
    /// </summary>
    public Task<IReadOnlyList<LedgerInvoice>> SnapshotInvoicesAsync(IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        InvoicesWhereAsync($"WHERE {AgingSnapshotStore.Holds(tenant.Dialect, "i.id")}", customers, cancellationToken);

    private async Task<IReadOnlyList<LedgerInvoice>> InvoicesWhereAsync(string where, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<InvoiceRow>(
            $"""
            SELECT i.id AS Id, i.customer_id AS CustomerId, i.doc_number AS DocNumber, i.txn_date AS TxnDate, i.due_date AS DueDate,
                   i.total_cents AS TotalCents, i.retainage_cents AS RetainageCents,
                   EXISTS (SELECT 1 FROM ledger_invoice_lines l WHERE l.invoice_id = i.id AND lower(l.item) = 'retainage release') AS IsRelease,
                   CAST(COALESCE((SELECT SUM(l.amount_cents) FROM ledger_invoice_lines l WHERE l.invoice_id = i.id AND lower(l.item) = 'retainage release'), 0) AS BIGINT) AS ReleasedCents
            FROM ledger_invoices i {where} ORDER BY i.txn_date, i.id
            """, new { Ids = System.Text.Json.JsonSerializer.Serialize(ids ?? []) }, cancellationToken);
        // Issue 16: what an invoice releases is its release lines, so an owner invoice may bill work and a release together.
        return rows.Select(r => new LedgerInvoice(r.Id, r.CustomerId, r.DocNumber, StoreDates.Parse(r.TxnDate), StoreDates.Parse(r.DueDate),
            Cents.ToDollars(r.TotalCents), Cents.ToDollars(r.RetainageCents), r.IsRelease != 0, r.IsRelease != 0 ? Cents.ToDollars(r.ReleasedCents) : null)).ToList();
    }

    public Task<IReadOnlyList<LedgerPayment>> PaymentsAsync(CancellationToken cancellationToken) => PaymentsWhereAsync("", [], cancellationToken);

    /// <summary>
    /// Issue 18: the payments an aging from Collections' snapshot needs: those with money unapplied (the chase list's
    /// pools) and those applied to an invoice <see cref="SnapshotInvoicesAsync"/> reads for <paramref name="customers"/>.
    /// </summary>
    public Task<IReadOnlyList<LedgerPayment>> SnapshotPaymentsAsync(IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        PaymentsWhereAsync(
            $"""
            WHERE unapplied_cents > 0 OR id IN (SELECT l.payment_id FROM ledger_payment_lines l
                WHERE {AgingSnapshotStore.Holds(tenant.Dialect, "l.invoice_id")})
            """, customers, cancellationToken);

    private async Task<IReadOnlyList<LedgerPayment>> PaymentsWhereAsync(string where, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PaymentRow>(
            $"""
            SELECT id AS Id, customer_id AS CustomerId, txn_date AS TxnDate, total_cents AS TotalCents, unapplied_cents AS UnappliedCents,
                   reference AS Reference
            FROM ledger_payments {where} ORDER BY txn_date, id
            """, new { Ids = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken);
        return rows.Select(r => new LedgerPayment(r.Id, r.CustomerId, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.TotalCents),
            Cents.ToDollars(r.UnappliedCents), r.Reference)).ToList();
    }

    public async Task<IReadOnlyList<LedgerPurchaseOrder>> PurchaseOrdersAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PurchaseOrderRow>(
            """
            SELECT id AS Id, vendor_id AS VendorId, customer_id AS CustomerId, doc_number AS DocNumber, txn_date AS TxnDate,
                   total_cents AS TotalCents, status AS Status
            FROM ledger_purchase_orders ORDER BY id
            """, cancellationToken);
        return rows.Select(r => new LedgerPurchaseOrder(r.Id, r.VendorId, r.CustomerId, r.DocNumber, StoreDates.Parse(r.TxnDate),
            Cents.ToDollars(r.TotalCents), r.Status)).ToList();
    }

    /// <summary>Bill lines and journal lines on cost accounts of active documents, signed: debit positive, credit negative.</summary>
    public Task<IReadOnlyList<CostPosting>> CostPostingsAsync(CancellationToken cancellationToken) =>
        PostingsWhereAsync("", "", new { }, cancellationToken);

    /// <summary>
    /// The postings of <see cref="CostPostingsAsync(CancellationToken)"/> on one ledger job (customer), same order. Issue 17:
    /// the cost-detail report of one job reads that job's lines through the customer index, not every line of the books.
    /// </summary>
    public Task<IReadOnlyList<CostPosting>> CostPostingsAsync(string customerId, CancellationToken cancellationToken) =>
        PostingsWhereAsync("AND l.customer_id = @customerId", "AND l.customer_id = @customerId", new { customerId }, cancellationToken);

    /// <summary>
    /// Issue 16: an account's credit balance from active journal entries dated on or before <paramref name="asOf"/>
    /// (credits less debits; negative for a debit balance), or null when the chart of accounts has no such account.
    /// The allowance for doubtful accounts moves only by journal entries (adjustments and write-offs).
    /// </summary>
    public async Task<decimal?> JournalCreditBalanceAsync(string accountId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleAsync<BalanceRow>(new CommandDefinition(
            """
            SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM ledger_accounts WHERE id = @accountId) THEN 1 ELSE 0 END AS BIGINT) AS AccountExists,
                   COALESCE((SELECT CAST(SUM(CASE l.posting_type WHEN 'Credit' THEN l.amount_cents ELSE -l.amount_cents END) AS BIGINT)
                             FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id
                             WHERE l.account_id = @accountId AND e.status = 'active' AND e.txn_date <= @asOf), 0) AS Cents
            """, new { accountId, asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return row.AccountExists == 0 ? null : Cents.ToDollars(row.Cents);
    }

    /// <summary>
    /// Issue 16: an account's debit balance per customer (job) from active journal entries dated on or before
    /// <paramref name="asOf"/> (debits less credits), for the retainage accounts' true-up.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, decimal>> JournalDebitBalancesByCustomerAsync(string accountId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<CustomerBalanceRow>(new CommandDefinition(
            """
            SELECT l.customer_id AS CustomerId, CAST(SUM(CASE l.posting_type WHEN 'Debit' THEN l.amount_cents ELSE -l.amount_cents END) AS BIGINT) AS Cents
            FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id
            WHERE l.account_id = @accountId AND e.status = 'active' AND e.txn_date <= @asOf AND l.customer_id IS NOT NULL
            GROUP BY l.customer_id
            """, new { accountId, asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.CustomerId, r => Cents.ToDollars(r.Cents), StringComparer.Ordinal);
    }

    private sealed class CustomerBalanceRow
    {
        public string CustomerId { get; init; } = "";
        public long Cents { get; init; }
    }

    private sealed class BalanceRow
    {
        public long AccountExists { get; init; }
        public long Cents { get; init; }
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class InvoiceRow
    {
        public string Id { get; init; } = "";
        public string CustomerId { get; init; } = "";
        public string? DocNumber { get; init; }
        public string TxnDate { get; init; } = "";
        public string DueDate { get; init; } = "";
        public long TotalCents { get; init; }
        public long RetainageCents { get; init; }
        public long IsRelease { get; init; }
        public long ReleasedCents { get; init; }
    }

    private sealed class PaymentRow
    {
        public string Id { get; init; } = "";
        public string CustomerId { get; init; } = "";
        public string TxnDate { get; init; } = "";
        public long TotalCents { get; init; }
        public long UnappliedCents { get; init; }
        public string? Reference { get; init; }
    }

    private sealed class PurchaseOrderRow
    {
        public string Id { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string? CustomerId { get; init; }
        public string? DocNumber { get; init; }
        public string TxnDate { get; init; } = "";
        public long TotalCents { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class PostingRow
    {
        public string SourceTable { get; init; } = "";
        public string SourceId { get; init; } = "";
        public string ParentId { get; init; } = "";
        public string TxnDate { get; init; } = "";
        public string AccountId { get; init; } = "";
        public string? CustomerId { get; init; }
        public string? CostCode { get; init; }
        public long AmountCents { get; init; }
    }
}
