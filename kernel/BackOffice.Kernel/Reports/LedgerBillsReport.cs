using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Records;
using BackOffice.Store.Worklists;

namespace BackOffice.Kernel.Reports;

/// <summary>`backoffice report ledger-bills`: the bills in the ledger, including those the sandbox ledger wrote on approval.</summary>
public sealed class LedgerBillsReport : IPagedReport
{
    private static readonly string[] Columns = ["id", "vendor", "docNumber", "txnDate", "total", "origin", "jobs"];

    /// <summary>The columns a person may pick a value of (f_COLUMN); anything else is found with the search box.</summary>
    private static readonly string[] Filterable = ["vendor", "origin", "id"];

    public string Name => "ledger-bills";

    public string Description => "Active bills in the ledger (origin 'sandbox' = written by an approved proposal)";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public IReadOnlyCollection<string> Sortable => [.. LedgerStore.BillSorts.Keys];

    public string DefaultSort => "txnDate";

    /// <summary>Every matching bill, in date order: the same SQL as a page, without the limit.</summary>
    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken) =>
        (await PageAsync(request, new ReportPageQuery(null, new Dictionary<string, string>(), null, null, null, null, null, false, null, null), cancellationToken)).Table;

    /// <summary>Issue 17: one page filtered, sorted and cut in SQL (<see cref="LedgerStore.BillPageAsync"/>), not every bill per request.</summary>
    public async Task<ReportPage> PageAsync(ReportRequest request, ReportPageQuery query, CancellationToken cancellationToken)
    {
        var unknown = query.Matches.Keys.FirstOrDefault(k => !Filterable.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"f_{unknown}: the ledger bills cannot be filtered by '{unknown}' (one of {string.Join(", ", Filterable)}; the search box finds any text).", nameof(query));
        }

        var ledger = request.Data.Ledger;
        // Issue 17: the job by any identifier (a project job's number finds the ledger customer it is linked to).
        var job = await BackOffice.Agents.Books.ReportJobs.ForAsync(request, cancellationToken);
        var page = await ledger.BillPageAsync(new LedgerBillListQuery(
            query.Search, query.Matches.GetValueOrDefault("vendor"), query.Matches.GetValueOrDefault("origin"), query.Matches.GetValueOrDefault("id"),
            job?.LedgerCustomerIds, query.From, query.To, query.Min, query.Max, query.Sort ?? DefaultSort, query.Descending, query.Limit,
            query.Cursor is null ? null : KeysetCursor.Parse(query.Cursor)), cancellationToken);
        var customers = (await ledger.CustomersAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.FullyQualifiedName, StringComparer.Ordinal);
        var rows = page.Rows.Select(b => new JsonObject
        {
            ["id"] = b.Id,
            ["vendor"] = b.Vendor,
            ["docNumber"] = b.DocNumber,
            ["txnDate"] = b.TxnDate,
            ["total"] = MoneyText.Plain(b.Total),
            ["origin"] = b.Origin,
            ["jobs"] = string.Join(", ", b.CustomerIds.Select(c => customers.GetValueOrDefault(c, c))),
        }).ToList();
        var total = new JsonObject { ["id"] = "total", ["total"] = MoneyText.Plain(page.Sum) };
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["origin"] = await ledger.BillOriginsAsync(cancellationToken) };
        return new ReportPage(new ReportTable($"Ledger bills for {request.Tenant}", Columns, rows), page.Count, total, page.Next?.ToString(), choices);
    }
}
