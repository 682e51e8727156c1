using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>`backoffice report documents`: every inbox document, what it is, where it goes, and what holds it up (issue 6).</summary>
public sealed class DocumentsReport(DocumentsOptions options) : IReport
{
    public string Name => "documents";

    public string Description => "Inbox documents: kind, vendor, amounts, job, folder, signature and status";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analyses = await DocumentReports.AnalyzeAsync(request, options, cancellationToken);
        // Issue 17: the job by any identifier, as every report takes it.
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var rows = analyses
            .Where(a => job is null || job.Is(a.Job?.Id))
            .Select(a => new JsonObject
            {
                ["id"] = a.Document.Id,
                ["kind"] = a.Classification.Kind.ToString() + (a.Classification.WaiverType is { } w ? $" ({w})" : ""),
                ["vendor"] = a.VendorName,
                ["invoice"] = a.Bill?.InvoiceNumber,
                ["payable"] = a.Bill?.Payable is { } p ? MoneyText.Plain(p) : null,
                ["job"] = a.Job?.Number ?? a.Job?.Id,
                ["folder"] = a.Folder,
                ["signature"] = a.Signature.State.ToString(),
                ["status"] = Status(a),
            }).ToList();
        return new ReportTable($"Inbox documents for {request.Tenant}", ["id", "kind", "vendor", "invoice", "payable", "job", "folder", "status"], rows);
    }

    private static string Status(DocumentAnalysis a) =>
        a.Document.Text is null ? "needs a person: " + a.Document.Unreadable
        : a.CoveredBy is not null ? $"sub invoice {a.CoveredBy.Number} is in the project system (financial agent drafts its bill)"
        : a.Exceptions.Count > 0 ? "exception: " + string.Join("; ", a.Exceptions)
        : a.AlreadyFiled ? "filed"
        : a.IsPayable ? "ready to enter"
        : "ok";
}
