using System.Data.Common;
using System.Globalization;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Store.Records;

namespace BackOffice.Store.Financial;

/// <summary>
/// Issue 18: folds the bill lines, one at a time as a reader gives them, into what three reads gave a full Financial
/// sweep: each active bill's lines summed by account and customer, cost summed by job, cost code and account as of a
/// date, and the cost postings that can be a worklist item. Each answer keeps the SQL it replaces as its definition
/// (<see cref="LedgerStore.BillsByAccountAndJobAsync"/>, <see cref="LedgerFinancialStore.CostTotalsAsync(DateOnly, CancellationToken)"/>,
/// <see cref="LedgerFinancialStore.CostExceptionsAsync(IReadOnlyCollection{string}, CancellationToken)"/>); keys compare
/// ordinally, as SQLite's BINARY and PostgreSQL's COLLATE "C" compare them.
/// </summary>
internal sealed class BillLineFold
{
    /// <summary>The columns <see cref="Add"/> reads, in this order.</summary>
    public const string Columns = "bill_id, CAST(line_no AS BIGINT), account_id, customer_id, item, CAST(amount_cents AS BIGINT), id";

    private readonly IReadOnlyList<LedgerStore.BillRow> _bills;
    private readonly Dictionary<string, BillSums> _sums;
    private readonly IReadOnlySet<string> _costAccounts;
    private readonly IReadOnlyDictionary<string, string> _mappedAccounts;
    private readonly HashSet<string> _closed;
    private readonly Dictionary<(string? CustomerId, string? CostCode, string AccountId), long> _totals = [];
    private readonly List<CostPosting> _exceptions = [];

    /// <param name="bills">The active bills, by id.</param>
    /// <param name="costAccounts">The accounts whose postings are cost.</param>
    /// <param name="mappedAccounts">Cost code to the account it maps to (map_cost_code_accounts).</param>
    /// <param name="closedCustomers">The ledger jobs each of whose cost postings is an exception (closed or inactive).</param>
    public BillLineFold(IReadOnlyList<LedgerStore.BillRow> bills, DateOnly asOf, IReadOnlySet<string> costAccounts,
        IReadOnlyDictionary<string, string> mappedAccounts, IReadOnlyCollection<string> closedCustomers)
    {
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _bills = bills;
        // As SQL compares them: txn_date <= @AsOf on the stored text.
        _sums = bills.ToDictionary(b => b.Id, b => new BillSums(b, string.CompareOrdinal(b.TxnDate, asOfText) <= 0), StringComparer.Ordinal);
        _costAccounts = costAccounts;
        _mappedAccounts = mappedAccounts;
        _closed = closedCustomers.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One bill line, read by a select of <see cref="Columns"/>; a line of a bill that is not active counts nowhere.</summary>
    public void Add(DbDataReader line)
    {
        var billId = line.GetString(0);
        if (!_sums.TryGetValue(billId, out var bill))
        {
            return;
        }

        var accountId = line.GetString(2);
        var customerId = line.IsDBNull(3) ? null : line.GetString(3);
        var cents = line.GetInt64(5);
        bill.Add(line.GetInt64(1), accountId, customerId, cents);
        if (!_costAccounts.Contains(accountId))
        {
            return;
        }

        var item = line.IsDBNull(4) ? null : line.GetString(4);
        var costCode = string.IsNullOrEmpty(item) ? null : item;
        if (bill.Dated)
        {
            var key = (customerId, costCode, accountId);
            _totals[key] = _totals.GetValueOrDefault(key) + cents;
        }

        var mismapped = item is not null && _mappedAccounts.TryGetValue(item, out var mapped) && mapped != accountId;
        if (mismapped || (customerId is not null && _closed.Contains(customerId)))
        {
            _exceptions.Add(new CostPosting("ledger_bill_lines", line.GetString(6), billId, bill.TxnDate(), accountId, customerId,
                costCode, Cents.ToDollars(cents)));
        }
    }

    /// <summary>The bills in id order, each with its lines summed by account and customer in the order of each group's first line.</summary>
    public IReadOnlyList<LedgerBill> Bills() =>
        _bills.Select(r => new LedgerBill(r.Id, r.VendorId, r.DocNumber, StoreDates.Parse(r.TxnDate), Cents.ToDollars(r.TotalCents), r.Origin, r.Status,
            _sums[r.Id].Lines())).ToList();

    /// <summary>The bill lines' cost totals with <paramref name="journal"/>'s, summed by key, in the SQL's order (nulls first).</summary>
    public IReadOnlyList<CostTotal> CostTotals(IReadOnlyList<CostTotal> journal)
    {
        var totals = new Dictionary<(string? CustomerId, string? CostCode, string AccountId), long>(_totals);
        foreach (var j in journal)
        {
            var key = (j.CustomerId, j.CostCode, j.AccountId);
            totals[key] = totals.GetValueOrDefault(key) + Cents.FromDollars(j.Amount);
        }

        return totals.OrderBy(t => t.Key.CustomerId, StringComparer.Ordinal).ThenBy(t => t.Key.CostCode, StringComparer.Ordinal)
            .ThenBy(t => t.Key.AccountId, StringComparer.Ordinal)
            .Select(t => new CostTotal(t.Key.CustomerId, t.Key.CostCode, t.Key.AccountId, Cents.ToDollars(t.Value))).ToList();
    }

    /// <summary>The bill lines' exceptions with <paramref name="journal"/>'s, by date, line id and table, as the SQL orders them.</summary>
    public IReadOnlyList<CostPosting> CostExceptions(IReadOnlyList<CostPosting> journal) =>
        [.. _exceptions.Concat(journal).OrderBy(p => p.TxnDate).ThenBy(p => p.SourceId, StringComparer.Ordinal).ThenBy(p => p.SourceTable, StringComparer.Ordinal)];

    /// <summary>One bill's lines summed by account and customer so far (a bill has a handful of groups: a list is enough).</summary>
    private sealed class BillSums(LedgerStore.BillRow row, bool dated)
    {
        private readonly List<(long FirstLine, string AccountId, string? CustomerId, long Cents)> _groups = new(2);
        private DateOnly? _txnDate;

        /// <summary>Whether the bill is dated on or before the as-of date (its cost counts in the totals).</summary>
        public bool Dated { get; } = dated;

        public void Add(long lineNo, string accountId, string? customerId, long cents)
        {
            var at = _groups.FindIndex(g => g.AccountId == accountId && g.CustomerId == customerId);
            if (at < 0)
            {
                _groups.Add((lineNo, accountId, customerId, cents));
                return;
            }

            var group = _groups[at];
            _groups[at] = (Math.Min(group.FirstLine, lineNo), accountId, customerId, group.Cents + cents);
        }

        /// <summary>The bill's date, parsed once for the bill's first exception.</summary>
        public DateOnly TxnDate() => _txnDate ??= StoreDates.Parse(row.TxnDate);

        public IReadOnlyList<LedgerBillLine> Lines() =>
            _groups.OrderBy(g => g.FirstLine).Select(g => new LedgerBillLine(g.AccountId, g.CustomerId, null, Cents.ToDollars(g.Cents))).ToList();
    }
}
