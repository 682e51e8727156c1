using BackOffice.Domain.Collections;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Store.Financial;
using Dapper;

namespace BackOffice.Store.Records;

/// <summary>
/// The one reader of what settles or offsets bills and invoices (issue 13): bill payment lines, vendor credits and
/// customer credits. Only a connected QuickBooks fills them; on bundle books they are empty.
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>Bill payments applied to bills, one per payment line, with the payment's date.</summary>
    public async Task<IReadOnlyList<LedgerBillPaymentLine>> BillPaymentLinesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync<BillPaymentLineRow>(
            """
            SELECT l.bill_payment_id AS BillPaymentId, l.bill_id AS BillId, p.txn_date AS TxnDate, l.amount_cents AS AmountCents
            FROM ledger_bill_payment_lines l JOIN ledger_bill_payments p ON p.id = l.bill_payment_id ORDER BY l.id
            """, cancellationToken);
        return rows.Select(r => new LedgerBillPaymentLine(r.BillPaymentId, r.BillId, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.AmountCents))).ToList();
    }

    /// <summary>Vendor credits with something left to apply.</summary>
    public async Task<IReadOnlyList<LedgerVendorCredit>> VendorCreditsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync<CreditRow>(
            "SELECT id AS Id, vendor_id AS OwnerId, txn_date AS TxnDate, remaining_cents AS RemainingCents FROM ledger_vendor_credits WHERE remaining_cents > 0 ORDER BY id",
            cancellationToken);
        return rows.Select(r => new LedgerVendorCredit(r.Id, r.OwnerId, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.RemainingCents))).ToList();
    }

    /// <summary>Customer credits (credit memos) with something left to apply.</summary>
    public async Task<IReadOnlyList<ArCredit>> CustomerCreditsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync<CreditRow>(
            "SELECT id AS Id, customer_id AS OwnerId, txn_date AS TxnDate, remaining_cents AS RemainingCents FROM ledger_credit_memos WHERE remaining_cents > 0 ORDER BY id",
            cancellationToken);
        return rows.Select(r => new ArCredit(r.Id, r.OwnerId, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.RemainingCents))).ToList();
    }

    private async Task<List<T>> QueryRowsAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class BillPaymentLineRow
    {
        public string BillPaymentId { get; init; } = "";
        public string BillId { get; init; } = "";
        public string TxnDate { get; init; } = "";
        public long AmountCents { get; init; }
    }

    private sealed class CreditRow
    {
        public string Id { get; init; } = "";
        public string OwnerId { get; init; } = "";
        public string TxnDate { get; init; } = "";
        public long RemainingCents { get; init; }
    }
}
