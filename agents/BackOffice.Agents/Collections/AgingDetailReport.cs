using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// `backoffice report aging-detail --job CUSTOMER` (issue 17): the invoices and payments behind one customer's (or
/// job's) row of the aging report, as of the date. Each open invoice gives one row of its total and one negative row per
/// payment applied to it by the date, in the invoice's bucket, so a bucket's rows sum to the aging row's bucket and all
/// rows to its total (retainage receivable is apart there, and here). Fully paid invoices are not in the figure, so not here.
/// </summary>
public sealed class AgingDetailReport(CollectionsOptions options) : IReport, IJobReport
{
    public string Name => "aging-detail";

    /// <summary>Issue 17: opened in the console with no job, the page asks for one in these words.</summary>
    public string Heading => "Aging detail";

    public string ChooseJob => "Choose a job to see the open invoices and payments behind its receivables aging.";

    public string Description => "Invoices and payments behind one customer's A/R aging row (--job CUSTOMER), each bucket summing to the aging figure";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var customer = request.Job ?? throw new AgingDetailCustomerException("The aging-detail report needs --job (the customer or job of an aging row, by id or full name).");
        var data = await CollectionsData.LoadAsync(request.Data, null, cancellationToken);
        var open = AgingTools.OpenItems(data.Invoices, data.Payments, data.PaymentLines, request.AsOf, options.Buckets)
            .Where(i => i.Invoice.CustomerId == customer || data.NameOf(i.Invoice.CustomerId) == customer).ToList();
        var paidOn = data.Payments.ToDictionary(p => p.Id, p => p.TxnDate, StringComparer.Ordinal);
        var applied = data.PaymentLines.Where(l => paidOn.TryGetValue(l.PaymentId, out var d) && d <= request.AsOf).ToLookup(l => l.InvoiceId, StringComparer.Ordinal);
        var rows = new List<JsonObject>();
        foreach (var item in open.OrderBy(i => i.Invoice.DueDate).ThenBy(i => i.Invoice.Id, StringComparer.Ordinal))
        {
            var invoice = item.Invoice;
            rows.Add(Row($"ledger_invoices:{invoice.Id}", item.Bucket, "invoice", invoice.TxnDate, invoice.DueDate, invoice.DocNumber ?? invoice.Id, invoice.Total));
            rows.AddRange(applied[invoice.Id].Select(l => Row(
                $"ledger_payments:{l.PaymentId}:{invoice.Id}", item.Bucket, "payment", paidOn[l.PaymentId], invoice.DueDate, invoice.DocNumber ?? invoice.Id, -l.Amount)));
        }

        return new ReportTable($"A/R aging detail for {request.Tenant}, {customer}, as of {request.AsOf:yyyy-MM-dd}",
            ["bucket", "kind", "txnDate", "dueDate", "invoice", "amount"], rows);
    }

    private static JsonObject Row(string id, string bucket, string kind, DateOnly date, DateOnly due, string invoice, decimal amount) => new()
    {
        ["id"] = id,
        ["bucket"] = bucket,
        ["kind"] = kind,
        ["txnDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["dueDate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["invoice"] = invoice,
        ["amount"] = MoneyText.Plain(amount),
    };
}

/// <summary>The aging-detail report asked for without a customer: bad input (HTTP 400, exit 2).</summary>
public sealed class AgingDetailCustomerException(string message) : ArgumentException(message);
