using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>A payment applied to an invoice, with both dates (how long the customer took).</summary>
public sealed record AppliedPayment(string InvoiceId, string CustomerId, DateOnly InvoiceDate, DateOnly PaidDate, decimal Amount);

public sealed record BillDue(string BillId, DateOnly? DueDate, decimal Total);

public sealed record PayrollGross(DateOnly WeekStart, decimal Gross);

/// <summary>What the cash forecast reads (issue 3): applied payments, bill due dates, payroll history.</summary>
public sealed class CashStore(TenantData tenant)
{
    public async Task<IReadOnlyList<AppliedPayment>> AppliedPaymentsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<AppliedRow>(
            """
            SELECT l.invoice_id AS InvoiceId, i.customer_id AS CustomerId, i.txn_date AS InvoiceDate, p.txn_date AS PaidDate, l.amount_cents AS AmountCents
            FROM ledger_payment_lines l JOIN ledger_payments p ON p.id = l.payment_id JOIN ledger_invoices i ON i.id = l.invoice_id
            ORDER BY p.txn_date, l.id
            """, cancellationToken);
        return rows.Select(r => new AppliedPayment(r.InvoiceId, r.CustomerId, StoreDates.Parse(r.InvoiceDate), StoreDates.Parse(r.PaidDate),
            Cents.ToDollars(r.AmountCents))).ToList();
    }

    public async Task<IReadOnlyList<BillDue>> BillsDueAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<BillRow>(
            "SELECT id AS Id, due_date AS DueDate, total_cents AS TotalCents FROM ledger_bills WHERE status = 'active' ORDER BY id", cancellationToken);
        return rows.Select(r => new BillDue(r.Id, StoreDates.ParseOrNull(r.DueDate), Cents.ToDollars(r.TotalCents))).ToList();
    }

    public async Task<IReadOnlyList<PayrollGross>> PayrollAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PayrollRow>(
            "SELECT week_start AS WeekStart, SUM(gross_pay_cents) AS GrossCents FROM workforce_payroll_lines GROUP BY week_start ORDER BY week_start",
            cancellationToken);
        return rows.Select(r => new PayrollGross(StoreDates.Parse(r.WeekStart), Cents.ToDollars(r.GrossCents))).ToList();
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class AppliedRow
    {
        public string InvoiceId { get; init; } = "";
        public string CustomerId { get; init; } = "";
        public string InvoiceDate { get; init; } = "";
        public string PaidDate { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class BillRow
    {
        public string Id { get; init; } = "";
        public string? DueDate { get; init; }
        public long TotalCents { get; init; }
    }

    private sealed class PayrollRow
    {
        public string WeekStart { get; init; } = "";
        public long GrossCents { get; init; }
    }
}
