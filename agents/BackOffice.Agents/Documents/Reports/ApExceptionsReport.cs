using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>`backoffice report ap-exceptions`: the A/P exception queue, one row per reason (no PO, amounts don't tie, duplicate...).</summary>
public sealed class ApExceptionsReport(DocumentsOptions options) : IReport
{
    public string Name => "ap-exceptions";

    public string Description => "Bills that cannot be drafted, with the reason (no PO, amounts don't tie, duplicate, unreadable)";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analyses = await DocumentReports.AnalyzeAsync(request, options, cancellationToken);
        // Issue 17: the job by any identifier, as every report takes it.
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var rows = analyses
            .Where(a => (a.IsPayable || a.Document.Text is null) && a.CoveredBy is null)
            .Where(a => job is null || job.Is(a.Job?.Id))
            .SelectMany(a => a.Exceptions.Select((reason, i) => new JsonObject
            {
                ["id"] = $"{a.Document.Id}:{i + 1}",
                ["document"] = a.Document.Id,
                ["vendor"] = a.VendorName,
                ["invoice"] = a.Bill?.InvoiceNumber,
                ["payable"] = a.Bill?.Payable is { } p ? MoneyText.Plain(p) : null,
                ["category"] = reason.Split(':')[0],
                ["reason"] = reason,
            })).ToList();
        return new ReportTable($"A/P exceptions for {request.Tenant}", ["document", "vendor", "invoice", "payable", "reason"], rows);
    }
}
