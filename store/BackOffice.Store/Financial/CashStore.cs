using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>A payment applied to an invoice, with both dates (how long the customer took).</summary>
public sealed record AppliedPayment(string InvoiceId, string CustomerId, DateOnly InvoiceDate, DateOnly PaidDate, decimal Amount);

public sealed record BillDue(string BillId, DateOnly? DueDate, decimal Total, string? VendorId = null);

public sealed record PayrollGross(DateOnly WeekStart, decimal Gross);

/// <summary>What the cash forecast reads (issue 3): applied payments, bill due dates, payroll history.</summary>
public sealed class CashStore(TenantData tenant)
{
    /// <summary>
    /// Payment lines with their invoice's customer and date and their payment's date, by paid date. Issue 12: joined here
    /// from the one reader of each table (invoices and payments: <see cref="LedgerFinancialStore"/>, payment lines:
    /// the receivables store) instead of a second SQL reader of all three.
    /// </summary>
    public async Task<IReadOnlyList<AppliedPayment>> AppliedPaymentsAsync(CancellationToken cancellationToken) => Applied(
        await tenant.LedgerFinancials.InvoicesAsync(cancellationToken), await tenant.LedgerFinancials.PaymentsAsync(cancellationToken),
        await tenant.Receivables.PaymentLinesAsync(cancellationToken));

    /// <summary>
    /// The applied payments of <see cref="AppliedPaymentsAsync"/> from rows already read. Issue 17: the cash forecast
    /// refreshed per key joins the analysis's invoices with the payments it kept.
    /// </summary>
    public static IReadOnlyList<AppliedPayment> Applied(
        IReadOnlyList<LedgerInvoice> invoiceRows, IReadOnlyList<LedgerPayment> paymentRows, IReadOnlyList<ArPaymentLine> lines)
    {
        var invoices = invoiceRows.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var payments = paymentRows.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return lines.Where(l => invoices.ContainsKey(l.InvoiceId) && payments.ContainsKey(l.PaymentId))
            .Select(l => (Line: l, Invoice: invoices[l.InvoiceId], Paid: payments[l.PaymentId].TxnDate))
            .OrderBy(x => x.Paid) // stable: lines keep their id order within a day, as ORDER BY p.txn_date, l.id did
            .Select(x => new AppliedPayment(x.Line.InvoiceId, x.Invoice.CustomerId, x.Invoice.TxnDate, x.Paid, x.Line.Amount)).ToList();
    }

    /// <summary>Bills' due dates, from the one reader of ledger_bills (issue 12).</summary>
    public Task<IReadOnlyList<BillDue>> BillsDueAsync(CancellationToken cancellationToken) => tenant.Ledger.BillsDueAsync(cancellationToken);

    /// <summary>Bill payments applied to bills (issue 13: QuickBooks BillPayment), from the one reader of them.</summary>
    public Task<IReadOnlyList<LedgerBillPaymentLine>> BillPaymentLinesAsync(CancellationToken cancellationToken) => tenant.Ledger.BillPaymentLinesAsync(cancellationToken);

    /// <summary>Vendors' unapplied credits (issue 13: QuickBooks VendorCredit), from the one reader of them.</summary>
    public Task<IReadOnlyList<LedgerVendorCredit>> VendorCreditsAsync(CancellationToken cancellationToken) => tenant.Ledger.VendorCreditsAsync(cancellationToken);

    /// <summary>Gross payroll per week, from the one reader of workforce_payroll_lines (issue 12).</summary>
    public Task<IReadOnlyList<PayrollGross>> PayrollAsync(CancellationToken cancellationToken) => tenant.Workforce.WeeklyGrossAsync(cancellationToken);

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

}
