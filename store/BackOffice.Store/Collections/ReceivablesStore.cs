using System.Globalization;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Collections;

/// <summary>A person to write to about a customer's account (contacts.csv rows with a ledger customer).</summary>
public sealed record CustomerContact(string Id, string Name, string? Email, string? Phone, string CustomerId);

/// <summary>A project job's substantial completion date, for the retainage release follow-up (issue 5).</summary>
public sealed record JobCompletion(string JobId, string Name, string? CustomerName, DateOnly? SubstantialCompletion);

/// <summary>Reads receivables for the Collections agent and its reports: invoices, payments, promises, disputes, contacts.</summary>
public sealed class ReceivablesStore(TenantData tenant)
{
    /// <summary>Invoices from the ledger's one reader of them (issue 12), by id; a release billing is flagged (docs/DATA-FORMAT.md demo convention).</summary>
    public async Task<IReadOnlyList<ArInvoice>> InvoicesAsync(CancellationToken cancellationToken) =>
        Receivable(await tenant.LedgerFinancials.InvoicesAsync(cancellationToken));

    private static List<ArInvoice> Receivable(IReadOnlyList<LedgerInvoice> invoices) =>
        invoices.OrderBy(i => i.Id, StringComparer.Ordinal)
        .Select(i => new ArInvoice(i.Id, i.CustomerId, i.DocNumber, i.TxnDate, i.DueDate, i.Total, i.Retainage, i.IsRetainageRelease, i.Released)).ToList();

    /// <summary>Customer payments: the ledger's one reader of them (issue 3's <see cref="Financial.LedgerFinancialStore"/>).</summary>
    public Task<IReadOnlyList<LedgerPayment>> PaymentsAsync(CancellationToken cancellationToken) =>
        tenant.LedgerFinancials.PaymentsAsync(cancellationToken);

    public Task<IReadOnlyList<ArPaymentLine>> PaymentLinesAsync(CancellationToken cancellationToken) => PaymentLinesWhereAsync("", [], cancellationToken);

    /// <summary>Issue 18: the payment lines of the invoices <see cref="SnapshotInvoicesAsync"/> reads.</summary>
    public Task<IReadOnlyList<ArPaymentLine>> SnapshotPaymentLinesAsync(IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        PaymentLinesWhereAsync($"WHERE {AgingSnapshotStore.Holds(tenant.Dialect, "invoice_id")}", customers, cancellationToken);

    /// <summary>
    /// Invoices in id order, as <see cref="InvoicesAsync"/>, of the aging snapshot and, issue 18, every invoice of
    /// <paramref name="customers"/> (whose receivables changed since the snapshot).
    /// </summary>
    public async Task<IReadOnlyList<ArInvoice>> SnapshotInvoicesAsync(IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        Receivable(await tenant.LedgerFinancials.SnapshotInvoicesAsync(customers, cancellationToken));

    private async Task<IReadOnlyList<ArPaymentLine>> PaymentLinesWhereAsync(string where, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<PaymentLineRow>(new CommandDefinition(
            $"SELECT payment_id AS PaymentId, invoice_id AS InvoiceId, amount_cents AS AmountCents FROM ledger_payment_lines {where} ORDER BY id",
            new { Ids = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken: cancellationToken));
        return rows.Select(r => new ArPaymentLine(r.PaymentId, r.InvoiceId, Cents.ToDollars(r.AmountCents))).ToList();
    }

    /// <summary>Customer credits not yet applied (issue 13: QuickBooks credit memos), from the ledger's one reader of them.</summary>
    public Task<IReadOnlyList<ArCredit>> CreditsAsync(CancellationToken cancellationToken) => tenant.Ledger.CustomerCreditsAsync(cancellationToken);

    /// <summary>Promises to pay, from their one reader and writer (issue 12).</summary>
    public Task<IReadOnlyList<PromiseToPay>> PromisesAsync(CancellationToken cancellationToken) => tenant.Promises.ListAsync(cancellationToken);

    public async Task<IReadOnlyList<InvoiceDispute>> DisputesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<DisputeRow>(
            "SELECT invoice_id AS InvoiceId, reason AS Reason, opened_on AS OpenedOn FROM collections_disputes ORDER BY invoice_id", cancellationToken))
        .Select(r => new InvoiceDispute(r.InvoiceId, r.Reason, Day(r.OpenedOn))).ToList();

    public async Task<IReadOnlyList<CustomerContact>> ContactsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<ContactRow>(
            """
            SELECT id AS Id, name AS Name, email AS Email, phone AS Phone, ledger_customer_id AS CustomerId
            FROM contacts WHERE ledger_customer_id IS NOT NULL ORDER BY id
            """, cancellationToken))
        .Select(r => new CustomerContact(r.Id, r.Name, r.Email, r.Phone, r.CustomerId)).ToList();

    /// <summary>Jobs' completion dates, from the one reader of project_jobs (issue 12).</summary>
    public Task<IReadOnlyList<JobCompletion>> JobCompletionsAsync(CancellationToken cancellationToken) => tenant.Project.JobCompletionsAsync(cancellationToken);

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PaymentLineRow
    {
        public string PaymentId { get; init; } = "";
        public string InvoiceId { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class DisputeRow
    {
        public string InvoiceId { get; init; } = "";
        public string Reason { get; init; } = "";
        public string OpenedOn { get; init; } = "";
    }

    private sealed class ContactRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string CustomerId { get; init; } = "";
    }
}
