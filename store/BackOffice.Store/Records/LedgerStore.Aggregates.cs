using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Store.Financial;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Records;

/// <summary>
/// Issue 18: reads of the bills that let SQLite do the folding, so an agent that needs a bill's header, or its lines
/// summed by account and job, does not materialize every ledger line (2M on a 1,000-job tenant).
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>Active bills without their lines, by id.</summary>
    public async Task<IReadOnlyList<LedgerBillHeader>> BillHeadersAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<BillRow>(new CommandDefinition(
            """
            SELECT id AS Id, vendor_id AS VendorId, doc_number AS DocNumber, txn_date AS TxnDate, total_cents AS TotalCents
            FROM ledger_bills WHERE status = 'active' ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBillHeader(r.Id, r.VendorId, r.DocNumber, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.TotalCents))).ToList();
    }

    /// <summary>
    /// Active bills as <see cref="BillsAsync"/> gives them, except that each bill's lines are summed by account and
    /// customer in SQL (in the order of each group's first line; <see cref="LedgerBillLine.Item"/> is null). What the
    /// reconciliation asks of a bill's lines (which jobs it bills, its first job, its amount on an account) is unchanged.
    /// </summary>
    public Task<IReadOnlyList<LedgerBill>> BillsByAccountAndJobAsync(CancellationToken cancellationToken) =>
        BillsByAccountAndJobAsync(null, cancellationToken);

    /// <summary>
    /// The bills of <see cref="BillsByAccountAndJobAsync(CancellationToken)"/> among <paramref name="billIds"/> (null: every
    /// active bill), same shape and order. Issue 17: a report refreshed per key re-reads the bills the change journal names.
    /// </summary>
    public async Task<IReadOnlyList<LedgerBill>> BillsByAccountAndJobAsync(IReadOnlyCollection<string>? billIds, CancellationToken cancellationToken)
    {
        var only = billIds is null ? "" : $"AND {StoreSql.InJson(tenant.Dialect, "b.id", "@Ids")}";
        var ids = System.Text.Json.JsonSerializer.Serialize(billIds ?? []);
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var lines = (await connection.QueryAsync<BillLineRow>(new CommandDefinition(
            $"""
            SELECT l.bill_id AS BillId, l.account_id AS AccountId, l.customer_id AS CustomerId, CAST(SUM(l.amount_cents) AS BIGINT) AS AmountCents
            FROM ledger_bill_lines l JOIN ledger_bills b ON b.id = l.bill_id
            WHERE b.status = 'active' {only}
            GROUP BY l.bill_id, l.account_id, l.customer_id ORDER BY l.bill_id, MIN(l.line_no)
            """, new { Ids = ids }, cancellationToken: cancellationToken))).ToLookup(l => l.BillId);
        var rows = await connection.QueryAsync<BillRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, vendor_id AS VendorId, doc_number AS DocNumber, txn_date AS TxnDate, total_cents AS TotalCents,
                   origin AS Origin, status AS Status
            FROM ledger_bills b WHERE status = 'active' {only} ORDER BY id
            """, new { Ids = ids }, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBill(
                r.Id, r.VendorId, r.DocNumber, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.TotalCents), r.Origin, r.Status,
                lines[r.Id].Select(l => new LedgerBillLine(l.AccountId, l.CustomerId, null, Cents.ToDollars(l.AmountCents))).ToList()))
            .ToList();
    }
}
