using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// `backoffice report aging --as-of D [--job J]` (issue 5): open receivables by due date per customer and job, one
/// column per bucket, with retainage receivable apart from what is due now, and a total row (id "total").
/// </summary>
/// <remarks>Issue 16: the same by invoice date (`aging-invoice-date`: 0-30, 31-60, ... days since the invoice date).</remarks>
public sealed class AgingReport(CollectionsOptions options, AgingBasis basis = AgingBasis.DueDate) : IReport
{
    public string Name => basis == AgingBasis.InvoiceDate ? "aging-invoice-date" : "aging";

    public string Description => $"A/R aging by {BasisText} per customer and job, retainage receivable shown apart";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    private string BasisText => basis == AgingBasis.InvoiceDate ? "invoice date" : "due date";

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var data = await CollectionsData.LoadAsync(request.Data, null, cancellationToken);
        var buckets = options.Buckets;
        var open = AgingTools.OpenItems(data.Invoices, data.Payments, data.PaymentLines, request.AsOf, buckets, basis);
        // Issue 17: the job by any identifier; the ledger customers it is linked to.
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var rows = AgingTools.ByCustomer(open, data.Invoices, request.AsOf, buckets, basis, data.Credits)
            .Where(r => job is null || job.Is(r.CustomerId))
            .OrderBy(r => data.NameOf(r.CustomerId), StringComparer.Ordinal)
            .Select(r => Row(r.CustomerId, data.NameOf(data.Root(r.CustomerId)), data.NameOf(r.CustomerId), r.Buckets, r.Total, r.RetainageReceivable))
            .ToList();
        var labels = buckets.LabelsFor(basis);
        var totals = labels.ToDictionary(l => l, l => rows.Sum(r => decimal.Parse((string)r[l]!, System.Globalization.CultureInfo.InvariantCulture)));
        rows.Add(Row("total", "", "all", totals, totals.Values.Sum(),
            rows.Sum(r => decimal.Parse((string)r["retainage"]!, System.Globalization.CultureInfo.InvariantCulture))));
        return new ReportTable(RoundingStatements.Titled($"A/R aging for {request.Tenant} as of {request.AsOf:yyyy-MM-dd} (by {BasisText})", RoundingStatements.Aging),
            ["id", "customer", "job", .. labels, "total", "retainage"], rows);
    }

    private static JsonObject Row(string id, string customer, string job, IReadOnlyDictionary<string, decimal> buckets, decimal total, decimal retainage)
    {
        var row = new JsonObject { ["id"] = id, ["customer"] = customer, ["job"] = job };
        foreach (var (label, amount) in buckets)
        {
            row[label] = MoneyText.Plain(amount);
        }

        row["total"] = MoneyText.Plain(total);
        row["retainage"] = MoneyText.Plain(retainage);
        return row;
    }
}
