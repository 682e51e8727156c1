using System.Text.Json;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Financial;

/// <summary>
/// Issue 18: cost read the way the Financial agent uses it, so a sweep does not load and sort every bill and journal
/// line (2M on a 1,000-job tenant): totals summed in SQL, and only the lines that can become a worklist item one by one.
/// </summary>
public sealed partial class LedgerFinancialStore
{
    /// <summary>Cost postings dated on or before <paramref name="asOf"/>, summed by job, cost code (blank is none) and account.</summary>
    public Task<IReadOnlyList<CostTotal>> CostTotalsAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        CostTotalsAsync(asOf, null, cancellationToken);

    /// <summary>
    /// The totals of <see cref="CostTotalsAsync(DateOnly, CancellationToken)"/> for <paramref name="customers"/> only (null: every
    /// job). Issue 18: a sweep whose journal names a few jobs reads only their lines (the customer index), not the books.
    /// </summary>
    public Task<IReadOnlyList<CostTotal>> CostTotalsAsync(DateOnly asOf, IReadOnlyCollection<string>? customers, CancellationToken cancellationToken) =>
        TotalsWhereAsync(asOf, customers is null ? "" : $"AND {StoreSql.InJson(tenant.Dialect, "l.customer_id", "@Customers")}", customers, withBills: true, cancellationToken);

    /// <param name="withBills">False: the journal lines' totals only (issue 18: BillsAndCostAsync folds the bill lines' itself).</param>
    private async Task<IReadOnlyList<CostTotal>> TotalsWhereAsync(
        DateOnly asOf, string only, IReadOnlyCollection<string>? customers, bool withBills, CancellationToken cancellationToken)
    {
        var bills = withBills
            ? $"""
                SELECT l.customer_id AS CustomerId, NULLIF(l.item, '') AS CostCode, l.account_id AS AccountId, l.amount_cents AS AmountCents
                FROM ledger_bill_lines l JOIN ledger_bills b ON b.id = l.bill_id JOIN ledger_accounts a ON a.id = l.account_id
                WHERE b.status = 'active' AND a.type IN {CostTypes} AND b.txn_date <= @AsOf {only}
                UNION ALL
              """
            : "";
        var rows = await QueryAsync<TotalRow>(
            $"""
            SELECT CustomerId, CostCode, AccountId, CAST(SUM(AmountCents) AS BIGINT) AS AmountCents FROM (
                {bills}
                SELECT l.customer_id AS CustomerId, NULLIF(l.item, '') AS CostCode, l.account_id AS AccountId,
                       CASE l.posting_type WHEN 'Credit' THEN -l.amount_cents ELSE l.amount_cents END AS AmountCents
                FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id JOIN ledger_accounts a ON a.id = l.account_id
                WHERE e.status = 'active' AND a.type IN {CostTypes} AND e.txn_date <= @AsOf {only}) postings
            GROUP BY CustomerId, CostCode, AccountId ORDER BY CustomerId NULLS FIRST, CostCode NULLS FIRST, AccountId
            """, new { AsOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Customers = JsonSerializer.Serialize(customers ?? []) },
            cancellationToken);
        return rows.Select(r => new CostTotal(r.CustomerId, r.CostCode, r.AccountId, Cents.ToDollars(r.AmountCents))).ToList();
    }

    /// <summary>
    /// The postings <see cref="CostPostingsAsync(CancellationToken)"/> gives (same order) that can be a worklist item: on one of
    /// <paramref name="customers"/> (closed or inactive jobs), or with a cost code mapped to another account.
    /// </summary>
    public Task<IReadOnlyList<CostPosting>> CostExceptionsAsync(IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        CostExceptionsAsync(customers, null, cancellationToken);

    /// <summary>
    /// The exceptions of <see cref="CostExceptionsAsync(IReadOnlyCollection{string}, CancellationToken)"/> among the lines of
    /// <paramref name="documents"/> only (bill and journal entry ids; null: every document). Issue 17: a report refreshed
    /// per key re-reads the documents the change journal names.
    /// </summary>
    public Task<IReadOnlyList<CostPosting>> CostExceptionsAsync(
        IReadOnlyCollection<string> customers, IReadOnlyCollection<string>? documents, CancellationToken cancellationToken)
    {
        var bills = CostExceptionWhere(documents is null ? "" : $"AND {StoreSql.InJson(tenant.Dialect, "b.id", "@Documents")}");
        var entries = CostExceptionWhere(documents is null ? "" : $"AND {StoreSql.InJson(tenant.Dialect, "e.id", "@Documents")}");
        return PostingsWhereAsync(bills, entries,
            new { Customers = JsonSerializer.Serialize(customers), Documents = JsonSerializer.Serialize(documents ?? []) }, cancellationToken);
    }

    /// <summary>A cost line that can be a worklist item: on one of @Customers, or coded to a cost code mapped to another account; and <paramref name="also"/>.</summary>
    private string CostExceptionWhere(string also) =>
        $"""
        AND ({StoreSql.InJson(tenant.Dialect, "l.customer_id", "@Customers")}
         OR EXISTS (SELECT 1 FROM map_cost_code_accounts m WHERE m.cost_code = l.item AND m.account_id <> l.account_id)) {also}
        """;

    /// <summary>
    /// Cost totals of <paramref name="customers"/> and of the lines on no customer (overhead, SG&amp;A), as of the date, in the
    /// order of <see cref="CostTotalsAsync(DateOnly, CancellationToken)"/>. Issue 17: a journal line without a customer is
    /// journaled by its entry only, so a report refreshed per key re-reads the unassigned totals with the named jobs'.
    /// </summary>
    public async Task<IReadOnlyList<CostTotal>> CostTotalsWithUnassignedAsync(DateOnly asOf, IReadOnlyCollection<string> customers, CancellationToken cancellationToken) =>
        // Two reads, each through the customer index (an OR of the two conditions scanned every line).
        [.. await TotalsWhereAsync(asOf, "AND l.customer_id IS NULL", null, withBills: true, cancellationToken), .. await CostTotalsAsync(asOf, customers, cancellationToken)];

    /// <summary>
    /// Bill and journal lines on cost accounts of active documents, each side narrowed by its own condition (on l, b / e),
    /// by date, line id and table (issue 17: a bill line and a journal line may share an id; the table breaks the tie, so
    /// both engines and a list spliced per key agree on the order). A null <paramref name="billsWhere"/>: journal lines only.
    /// </summary>
    private async Task<IReadOnlyList<CostPosting>> PostingsWhereAsync(string? billsWhere, string entriesWhere, object parameters, CancellationToken cancellationToken)
    {
        var bills = billsWhere is null
            ? ""
            : $"""
              SELECT 'ledger_bill_lines' AS SourceTable, l.id AS SourceId, b.id AS ParentId, b.txn_date AS TxnDate, l.account_id AS AccountId,
                     l.customer_id AS CustomerId, l.item AS CostCode, l.amount_cents AS AmountCents
              FROM ledger_bill_lines l JOIN ledger_bills b ON b.id = l.bill_id JOIN ledger_accounts a ON a.id = l.account_id
              WHERE b.status = 'active' AND a.type IN {CostTypes} {billsWhere}
              UNION ALL
              """;
        var rows = await QueryAsync<PostingRow>(
            $"""
            {bills}
            SELECT 'ledger_journal_lines' AS SourceTable, l.id AS SourceId, e.id AS ParentId, e.txn_date AS TxnDate, l.account_id AS AccountId,
                   l.customer_id AS CustomerId, l.item AS CostCode, CASE l.posting_type WHEN 'Credit' THEN -l.amount_cents ELSE l.amount_cents END AS AmountCents
            FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id JOIN ledger_accounts a ON a.id = l.account_id
            WHERE e.status = 'active' AND a.type IN {CostTypes} {entriesWhere}
            ORDER BY 4, 2, 1
            """, parameters, cancellationToken);
        return rows.Select(r => new CostPosting(r.SourceTable, r.SourceId, r.ParentId, StoreDates.Parse(r.TxnDate), r.AccountId,
            r.CustomerId, string.IsNullOrEmpty(r.CostCode) ? null : r.CostCode, Cents.ToDollars(r.AmountCents))).ToList();
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }

    private sealed class TotalRow
    {
        public string? CustomerId { get; init; }
        public string? CostCode { get; init; }
        public string AccountId { get; init; } = "";
        public long AmountCents { get; init; }
    }
}
