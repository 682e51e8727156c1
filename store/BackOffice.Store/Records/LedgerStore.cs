using System.Globalization;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Store.Documents;
using BackOffice.Store.Financial;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Records;

/// <summary>Reads the ledger side (QuickBooks Online / Sage Intacct, or the sandbox ledger) of a tenant's data.</summary>
public sealed partial class LedgerStore(TenantData tenant)
{
    /// <summary>
    /// The latest ledger transaction date (bill, invoice, payment or journal entry) on or before <paramref name="onOrBefore"/>,
    /// or null: reports asked for no period open on the latest period with data, not an empty month (issue 17).
    /// </summary>
    public async Task<DateOnly?> LatestActivityDayAsync(DateOnly onOrBefore, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var day = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT MAX(d) FROM (
                SELECT MAX(txn_date) AS d FROM ledger_bills WHERE status = 'active' AND txn_date <= @to
                UNION ALL SELECT MAX(txn_date) FROM ledger_invoices WHERE txn_date <= @to
                UNION ALL SELECT MAX(txn_date) FROM ledger_payments WHERE txn_date <= @to
                UNION ALL SELECT MAX(txn_date) FROM ledger_journal_entries WHERE status = 'active' AND txn_date <= @to) activity
            """,
            new { to = onOrBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return day is null ? null : DateOnly.ParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<LedgerAccount>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            "SELECT id AS Id, number AS Number, name AS Name, type AS Type, active AS Active FROM ledger_accounts ORDER BY id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerAccount(r.Id, r.Number, r.Name, r.Type, r.Active != 0)).ToList();
    }

    public async Task<IReadOnlyList<LedgerCustomer>> CustomersAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<CustomerRow>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, parent_id AS ParentId, fully_qualified_name AS FullyQualifiedName,
                   is_project AS IsProject, active AS Active
            FROM ledger_customers ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerCustomer(r.Id, r.Name, r.ParentId, r.FullyQualifiedName, r.IsProject != 0, r.Active != 0)).ToList();
    }

    public async Task<IReadOnlyList<LedgerVendor>> VendorsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<VendorRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, active AS Active FROM ledger_vendors ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerVendor(r.Id, r.Name, r.Active != 0)).ToList();
    }

    /// <summary>Active bills (voided and deleted ones are not in the books), with their lines.</summary>
    public async Task<IReadOnlyList<LedgerBill>> BillsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var lines = (await connection.QueryAsync<BillLineRow>(new CommandDefinition(
            """
            SELECT bill_id AS BillId, account_id AS AccountId, customer_id AS CustomerId, item AS Item, amount_cents AS AmountCents
            FROM ledger_bill_lines ORDER BY bill_id, line_no
            """, cancellationToken: cancellationToken))).ToLookup(l => l.BillId);
        var rows = await connection.QueryAsync<BillRow>(new CommandDefinition(
            """
            SELECT id AS Id, vendor_id AS VendorId, doc_number AS DocNumber, txn_date AS TxnDate, total_cents AS TotalCents,
                   origin AS Origin, status AS Status
            FROM ledger_bills WHERE status = 'active' ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBill(
                r.Id, r.VendorId, r.DocNumber, DateOnly.ParseExact(r.TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Cents.ToDollars(r.TotalCents), r.Origin, r.Status,
                lines[r.Id].Select(l => new LedgerBillLine(l.AccountId, l.CustomerId, l.Item, Cents.ToDollars(l.AmountCents))).ToList()))
            .ToList();
    }

    /// <summary>The tenant's cost code to GL account map (mappings/cost-code-accounts.csv).</summary>
    /// <summary>Active bills' memos, where bills entered against a PO name it (Documents, issue 6).</summary>
    public async Task<IReadOnlyList<LedgerBillMemo>> BillMemosAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<MemoRow>(new CommandDefinition(
            "SELECT id AS BillId, vendor_id AS VendorId, memo AS Memo FROM ledger_bills WHERE status = 'active' ORDER BY id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new LedgerBillMemo(r.BillId, r.VendorId, r.Memo)).ToList();
    }

    /// <summary>Active bills' due dates and totals (the cash forecast, issue 3).</summary>
    public Task<IReadOnlyList<BillDue>> BillsDueAsync(CancellationToken cancellationToken) => BillsDueAsync(null, cancellationToken);

    /// <summary>
    /// The active bills' due dates among <paramref name="ids"/> (null: every active bill), by id. Issue 17: the cash
    /// forecast refreshed per key re-reads the bills the change journal names.
    /// </summary>
    public async Task<IReadOnlyList<BillDue>> BillsDueAsync(IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var only = ids is null ? "" : $"AND {StoreSql.InJson(connection, "id", "@Ids")}";
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            $"SELECT id AS Id, vendor_id AS VendorId, due_date AS DueDate, total_cents AS TotalCents FROM ledger_bills WHERE status = 'active' {only} ORDER BY id",
            new { Ids = System.Text.Json.JsonSerializer.Serialize(ids ?? []) }, cancellationToken: cancellationToken));
        return rows.Select(r => new BillDue(r.Id, StoreDates.ParseOrNull(r.DueDate), Cents.ToDollars(r.TotalCents), r.VendorId)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> CostCodeAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<MapRow>(new CommandDefinition(
            "SELECT cost_code AS CostCode, account_id AS AccountId FROM map_cost_code_accounts", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.CostCode, r => r.AccountId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<CrossSystemLink>> LinksAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(
            "SELECT kind AS Kind, project_id AS ProjectId, ledger_id AS LedgerId FROM map_links ORDER BY kind, project_id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new CrossSystemLink(r.Kind, r.ProjectId, r.LedgerId)).ToList();
    }

    private sealed class AccountRow
    {
        public string Id { get; init; } = "";
        public string? Number { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public long Active { get; init; }
    }

    private sealed class CustomerRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? ParentId { get; init; }
        public string FullyQualifiedName { get; init; } = "";
        public long IsProject { get; init; }
        public long Active { get; init; }
    }

    private sealed class VendorRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public long Active { get; init; }
    }

    /// <summary>A bill's header as <see cref="ActiveBillsSql"/> reads it (issue 18: also read by LedgerFinancialStore.BillsAndCostAsync).</summary>
    internal sealed class BillRow
    {
        public string Id { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string? DocNumber { get; init; }
        public string TxnDate { get; init; } = "";
        public long TotalCents { get; init; }
        public string Origin { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class BillLineRow
    {
        public string BillId { get; init; } = "";
        public string AccountId { get; init; } = "";
        public string? CustomerId { get; init; }
        public string? Item { get; init; }
        public long AmountCents { get; init; }
    }

    private sealed class MapRow
    {
        public string CostCode { get; init; } = "";
        public string AccountId { get; init; } = "";
    }

    private sealed class LinkRow
    {
        public string Kind { get; init; } = "";
        public string ProjectId { get; init; } = "";
        public string LedgerId { get; init; } = "";
    }

    private sealed class MemoRow
    {
        public string BillId { get; init; } = "";
        public string VendorId { get; init; } = "";
        public string? Memo { get; init; }
    }

    private sealed class DueRow
    {
        public string Id { get; init; } = "";
        public string? VendorId { get; init; }
        public string? DueDate { get; init; }
        public long TotalCents { get; init; }
    }
}
