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
    /// <summary>Invoices; one with a line whose item is "Retainage release" is a release billing (docs/DATA-FORMAT.md demo convention).</summary>
    public async Task<IReadOnlyList<ArInvoice>> InvoicesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<InvoiceRow>(
            """
            SELECT i.id AS Id, i.customer_id AS CustomerId, i.doc_number AS DocNumber, i.txn_date AS TxnDate, i.due_date AS DueDate,
                   i.total_cents AS TotalCents, i.retainage_cents AS RetainageCents,
                   EXISTS (SELECT 1 FROM ledger_invoice_lines l WHERE l.invoice_id = i.id AND lower(l.item) = 'retainage release') AS IsRelease
            FROM ledger_invoices i ORDER BY i.id
            """, cancellationToken))
        .Select(r => new ArInvoice(r.Id, r.CustomerId, r.DocNumber, Day(r.TxnDate), Day(r.DueDate), Cents.ToDollars(r.TotalCents),
            Cents.ToDollars(r.RetainageCents), r.IsRelease != 0)).ToList();

    /// <summary>Customer payments: the ledger's one reader of them (issue 3's <see cref="Financial.LedgerFinancialStore"/>).</summary>
    public Task<IReadOnlyList<LedgerPayment>> PaymentsAsync(CancellationToken cancellationToken) =>
        tenant.LedgerFinancials.PaymentsAsync(cancellationToken);

    public async Task<IReadOnlyList<ArPaymentLine>> PaymentLinesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<PaymentLineRow>(
            "SELECT payment_id AS PaymentId, invoice_id AS InvoiceId, amount_cents AS AmountCents FROM ledger_payment_lines ORDER BY id",
            cancellationToken))
        .Select(r => new ArPaymentLine(r.PaymentId, r.InvoiceId, Cents.ToDollars(r.AmountCents))).ToList();

    public async Task<IReadOnlyList<PromiseToPay>> PromisesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<PromiseRow>(
            """
            SELECT id AS Id, invoice_id AS InvoiceId, amount_cents AS AmountCents, promised_date AS PromisedDate, recorded_on AS RecordedOn
            FROM collections_promises ORDER BY id
            """, cancellationToken))
        .Select(r => new PromiseToPay(r.Id, r.InvoiceId, Cents.ToDollars(r.AmountCents), Day(r.PromisedDate), Day(r.RecordedOn))).ToList();

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

    public async Task<IReadOnlyList<JobCompletion>> JobCompletionsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync<JobRow>(
            "SELECT id AS Id, name AS Name, customer_name AS CustomerName, substantial_completion_date AS Completion FROM project_jobs ORDER BY id",
            cancellationToken))
        .Select(r => new JobCompletion(r.Id, r.Name, r.CustomerName, r.Completion is null ? null : Day(r.Completion))).ToList();

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

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
    }

    private sealed class PaymentLineRow
    {
        public string PaymentId { get; init; } = "";
        public string InvoiceId { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class PromiseRow
    {
        public string Id { get; init; } = "";
        public string InvoiceId { get; init; } = "";
        public long AmountCents { get; init; }
        public string PromisedDate { get; init; } = "";
        public string RecordedOn { get; init; } = "";
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

    private sealed class JobRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? CustomerName { get; init; }
        public string? Completion { get; init; }
    }
}
