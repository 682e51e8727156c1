using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using System.Text.Json;
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
        BillsWhereAsync(null, cancellationToken);

    /// <summary>
    /// The bills of <see cref="BillsByAccountAndJobAsync(CancellationToken)"/> of <paramref name="vendors"/> only (null: every
    /// vendor). Issue 18: a sweep whose journal names the bills of a few vendors reconciles only those vendors' bills.
    /// </summary>
    public Task<IReadOnlyList<LedgerBill>> BillsOfVendorsAsync(IReadOnlyCollection<string>? vendors, CancellationToken cancellationToken) =>
        BillsWhereAsync(vendors is null ? null : ("b.vendor_id", vendors), cancellationToken);

    /// <summary>
    /// The bills of <see cref="BillsByAccountAndJobAsync(CancellationToken)"/> among <paramref name="billIds"/> (null: every
    /// active bill), same shape and order. Issue 17: a report refreshed per key re-reads the bills the change journal names.
    /// </summary>
    public Task<IReadOnlyList<LedgerBill>> BillsWithIdsAsync(IReadOnlyCollection<string>? billIds, CancellationToken cancellationToken) =>
        BillsWhereAsync(billIds is null ? null : ("b.id", billIds), cancellationToken);

    private async Task<IReadOnlyList<LedgerBill>> BillsWhereAsync((string Column, IReadOnlyCollection<string> Values)? filter, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var only = filter is { } f ? $"AND {StoreSql.InJson(tenant.Dialect, f.Column, "@Keys")}" : "";
        var parameters = new { Keys = JsonSerializer.Serialize(filter?.Values ?? []) };
        var lines = (await connection.QueryAsync<BillLineRow>(new CommandDefinition(
            $"""
            SELECT l.bill_id AS BillId, l.account_id AS AccountId, l.customer_id AS CustomerId, CAST(SUM(l.amount_cents) AS BIGINT) AS AmountCents
            FROM ledger_bill_lines l JOIN ledger_bills b ON b.id = l.bill_id
            WHERE b.status = 'active' {only}
            GROUP BY l.bill_id, l.account_id, l.customer_id ORDER BY l.bill_id, MIN(l.line_no)
            """, parameters, cancellationToken: cancellationToken))).ToLookup(l => l.BillId);
        var rows = await connection.QueryAsync<BillRow>(new CommandDefinition(
            $"{ActiveBillsSelect} {only} ORDER BY b.id", parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBill(
                r.Id, r.VendorId, r.DocNumber, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.TotalCents), r.Origin, r.Status,
                lines[r.Id].Select(l => new LedgerBillLine(l.AccountId, l.CustomerId, null, Cents.ToDollars(l.AmountCents))).ToList()))
            .ToList();
    }

    private const string ActiveBillsSelect =
        """
        SELECT b.id AS Id, b.vendor_id AS VendorId, b.doc_number AS DocNumber, b.txn_date AS TxnDate, b.total_cents AS TotalCents,
               b.origin AS Origin, b.status AS Status
        FROM ledger_bills b WHERE b.status = 'active'
        """;

    /// <summary>Every active bill's header, by id, as <see cref="BillRow"/> (issue 18: the bills BillsAndCostAsync folds lines into).</summary>
    internal const string ActiveBillsSql = ActiveBillsSelect + " ORDER BY b.id";

    /// <summary>
    /// The vendor of each of <paramref name="billIds"/> that exists, whatever its status (issue 18: which vendors' bills a
    /// journal's changed lines belong to, and which vendor a stored duplicate-bill finding is about).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> BillVendorsAsync(IReadOnlyCollection<string> billIds, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await connectionUnit.Connection.QueryAsync<(string Id, string VendorId)>(new CommandDefinition(
            $"SELECT id, vendor_id FROM ledger_bills WHERE {StoreSql.InJson(tenant.Dialect, "id", "@Ids")}",
            new { Ids = JsonSerializer.Serialize(billIds) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.VendorId, StringComparer.Ordinal);
    }
}
