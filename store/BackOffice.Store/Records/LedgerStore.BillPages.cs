using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Store.Worklists;
using Dapper;

namespace BackOffice.Store.Records;

/// <summary>
/// What a person asked of the ledger-bills list (issue 17): a search over id, number and vendor; a vendor, origin or
/// bill id; the bills with a line on one of <paramref name="Customers"/> (a job); a date and an amount range; a sort
/// (<see cref="LedgerStore.BillSorts"/>) and a page of <paramref name="Limit"/> rows after <paramref name="After"/>
/// (null: every matching row, as an export takes them).
/// </summary>
public sealed record LedgerBillListQuery(
    string? Search, string? Vendor, string? Origin, string? Id, IReadOnlyList<string>? Customers, DateOnly? From, DateOnly? To,
    decimal? MinTotal, decimal? MaxTotal, string Sort, bool Descending, int? Limit, KeysetCursor? After);

/// <summary>One bill as the list shows it: the vendor by name, the ledger customers (jobs) its lines post to, in line order.</summary>
public sealed record LedgerBillListRow(string Id, string Vendor, string? DocNumber, string TxnDate, decimal Total, string Origin, IReadOnlyList<string> CustomerIds);

/// <summary>A page of bills, how many match in all and their total, and the cursor of the next page (null on the last).</summary>
public sealed record LedgerBillListPage(IReadOnlyList<LedgerBillListRow> Rows, long Count, decimal Sum, KeysetCursor? Next);

public sealed partial class LedgerStore
{
    /// <summary>The columns the list sorts by, by the ledger-bills report's column names; txnDate and total read an index (migration 1987).</summary>
    public static readonly IReadOnlyDictionary<string, KeysetSort> BillSorts = new Dictionary<string, KeysetSort>(StringComparer.Ordinal)
    {
        ["id"] = new("b.id"),
        ["vendor"] = new("v.name"),
        ["docNumber"] = new("COALESCE(b.doc_number, '')"),
        ["txnDate"] = new("b.txn_date"),
        ["total"] = new("b.total_cents", Numeric: true),
        ["origin"] = new("b.origin"),
    };

    /// <summary>
    /// One page of active bills, filtered, sorted and cut in SQL (issue 17): the console used to read every bill with
    /// its lines per request and sort them in memory (1-4 s on a 200-job tenant, even cached).
    /// </summary>
    public async Task<LedgerBillListPage> BillPageAsync(LedgerBillListQuery query, CancellationToken cancellationToken)
    {
        var sort = BillSorts.TryGetValue(query.Sort, out var s) ? s
            : throw new ArgumentException($"sort: the ledger bills cannot be sorted by '{query.Sort}' (one of {string.Join(", ", BillSorts.Keys)}).", nameof(query));
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var where = BillWhere(query, parameters, unit.InList("l.customer_id", "@Customers"));
        var keyset = KeysetPaging.After(sort, "b.id", query.Descending, query.After, parameters);
        parameters.Add("Limit", (query.Limit ?? int.MaxValue - 1) + 1);
        const string From = "FROM ledger_bills b JOIN ledger_vendors v ON v.id = b.vendor_id";
        var rows = (await unit.Connection.QueryAsync<BillListRow>(new CommandDefinition(
            $"""
            SELECT b.id AS Id, v.name AS Vendor, b.doc_number AS DocNumber, b.txn_date AS TxnDate, b.total_cents AS TotalCents, b.origin AS Origin,
                   {sort.Expression} AS SortValue
            {From} WHERE {where}{keyset} ORDER BY {KeysetPaging.OrderBy(sort, "b.id", query.Descending)} LIMIT @Limit
            """, parameters, unit.Transaction, cancellationToken: cancellationToken))).AsList();
        var next = KeysetPaging.Cut(rows, query.Limit ?? int.MaxValue - 1, r => new KeysetCursor(Convert.ToString(r.SortValue, CultureInfo.InvariantCulture) ?? "", r.Id));
        var totals = await unit.Connection.QuerySingleAsync<(long Count, long Cents)>(new CommandDefinition(
            $"SELECT COUNT(*), CAST(COALESCE(SUM(b.total_cents), 0) AS BIGINT) {From} WHERE {where}", parameters, unit.Transaction, cancellationToken: cancellationToken));
        var customers = await PageCustomersAsync(unit, rows.Select(r => r.Id).ToList(), every: query.Limit is null, cancellationToken);
        return new LedgerBillListPage(
            rows.Select(r => new LedgerBillListRow(r.Id, r.Vendor, r.DocNumber, r.TxnDate, Cents.ToDollars(r.TotalCents), r.Origin, customers[r.Id].ToList())).ToList(),
            totals.Count, Cents.ToDollars(totals.Cents), next);
    }

    /// <summary>The origins active bills have (bundle, sandbox, quickbooks...), for the list's origin choice.</summary>
    public async Task<IReadOnlyList<string>> BillOriginsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT origin FROM ledger_bills WHERE status = 'active' ORDER BY origin", transaction: unit.Transaction, cancellationToken: cancellationToken))).AsList();
    }

    private static string BillWhere(LedgerBillListQuery query, DynamicParameters parameters, string customerIn)
    {
        var where = new List<string> { "b.status = 'active'" };
        void Add(string condition, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(condition);
                parameters.Add(name, value);
            }
        }

        Add("(LOWER(b.id) LIKE @Like ESCAPE '\\' OR LOWER(COALESCE(b.doc_number, '')) LIKE @Like ESCAPE '\\' OR LOWER(v.name) LIKE @Like ESCAPE '\\')",
            "Like", query.Search is { } search ? KeysetPaging.Contains(search) : null);
        Add("v.name = @Vendor", "Vendor", query.Vendor);
        Add("b.origin = @Origin", "Origin", query.Origin);
        Add("b.id = @Id", "Id", query.Id);
        Add($"EXISTS (SELECT 1 FROM ledger_bill_lines l WHERE l.bill_id = b.id AND {customerIn})", "Customers", query.Customers?.ToArray());
        Add("b.txn_date >= @From", "From", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("b.txn_date <= @To", "To", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("b.total_cents >= @MinCents", "MinCents", query.MinTotal is { } min ? (long?)Cents.FromDollars(decimal.Round(min, 2, MidpointRounding.AwayFromZero)) : null);
        Add("b.total_cents <= @MaxCents", "MaxCents", query.MaxTotal is { } max ? (long?)Cents.FromDollars(decimal.Round(max, 2, MidpointRounding.AwayFromZero)) : null);
        return string.Join(" AND ", where);
    }

    /// <summary>
    /// Each bill's ledger customers in the order of their first line: for the page's bills only, or, for an unlimited
    /// read (an export, the API's whole table), of every active bill in one pass rather than a list of every id.
    /// </summary>
    private static async Task<ILookup<string, string>> PageCustomersAsync(Tenancy.DataUnit unit, IReadOnlyList<string> billIds, bool every, CancellationToken cancellationToken)
    {
        if (billIds.Count == 0)
        {
            return Array.Empty<(string, string)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        var which = every ? "l.bill_id IN (SELECT id FROM ledger_bills WHERE status = 'active')" : unit.InList("l.bill_id", "@Ids");
        var rows = await unit.Connection.QueryAsync<(string BillId, string CustomerId)>(new CommandDefinition(
            $"""
            SELECT l.bill_id, l.customer_id FROM ledger_bill_lines l
            WHERE {which} AND l.customer_id IS NOT NULL
            GROUP BY l.bill_id, l.customer_id ORDER BY l.bill_id, MIN(l.line_no)
            """, every ? null : new { Ids = billIds.ToArray() }, unit.Transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.BillId, r => r.CustomerId);
    }

    /// <summary>A class, not a record: the sort value is text or an integer depending on the sort, which Dapper sets on a property.</summary>
    private sealed class BillListRow
    {
        public string Id { get; init; } = "";

        public string Vendor { get; init; } = "";

        public string? DocNumber { get; init; }

        public string TxnDate { get; init; } = "";

        public long TotalCents { get; init; }

        public string Origin { get; init; } = "";

        public object? SortValue { get; init; }
    }
}
