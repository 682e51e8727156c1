using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Records;

namespace BackOffice.Kernel.Reports;

/// <summary>`backoffice report ledger-bills`: the bills in the ledger, including those the sandbox ledger wrote on approval.</summary>
public sealed class LedgerBillsReport : IReport
{
    public string Name => "ledger-bills";

    public string Description => "Active bills in the ledger (origin 'sandbox' = written by an approved proposal)";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var ledger = request.Data.Ledger;
        var vendors = (await ledger.VendorsAsync(cancellationToken)).ToDictionary(v => v.Id, v => v.Name);
        var customers = (await ledger.CustomersAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.FullyQualifiedName);
        // Issue 17: the job by any identifier (a project job's number finds the ledger customer it is linked to).
        var job = await BackOffice.Agents.Books.ReportJobs.ForAsync(request, cancellationToken);
        var rows = (await ledger.BillsAsync(cancellationToken))
            .Where(b => job is null || b.Lines.Any(l => job.Is(l.CustomerId)))
            .OrderBy(b => b.TxnDate).ThenBy(b => b.Id, StringComparer.Ordinal)
            .Select(b => new JsonObject
            {
                ["id"] = b.Id,
                ["vendor"] = vendors.GetValueOrDefault(b.VendorId, b.VendorId),
                ["docNumber"] = b.DocNumber,
                ["txnDate"] = b.TxnDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["total"] = MoneyText.Plain(b.Total),
                ["origin"] = b.Origin,
                ["jobs"] = string.Join(", ", b.Lines.Select(l => l.CustomerId).OfType<string>().Distinct().Select(c => customers.GetValueOrDefault(c, c))),
            }).ToList();
        return new ReportTable($"Ledger bills for {request.Tenant}", ["id", "vendor", "docNumber", "txnDate", "total", "origin", "jobs"], rows);
    }
}
