using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Records;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>`backoffice report coi-expiring`: certificates of insurance expired or lapsing within the window (30 days by default).</summary>
public sealed class CoiExpiringReport(DocumentsOptions options) : IReport
{
    public string Name => "coi-expiring";

    public string Description => "Certificates of insurance expired or expiring within the configured window, and whether the vendor has open commitments";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analyses = await DocumentReports.AnalyzeAsync(request, options, cancellationToken);
        var commitments = await request.Data.Project.CommitmentsAsync(cancellationToken);
        var rows = analyses
            .Where(a => a.Certificate?.EarliestExpiration is not null && a.CoiStatus is CoiStatus.ExpiringSoon or CoiStatus.Expired)
            .OrderBy(a => a.Certificate!.EarliestExpiration)
            .Select(a =>
            {
                var expires = a.Certificate!.EarliestExpiration!.Value;
                var open = a.ProjectVendor is null ? [] : commitments.Where(c => c.VendorId == a.ProjectVendor.Id && c.Status is "approved" or "pending").ToList();
                return new JsonObject
                {
                    ["id"] = a.Document.Id,
                    ["insured"] = a.VendorName,
                    ["expires"] = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["daysLeft"] = expires.DayNumber - request.AsOf.DayNumber,
                    ["status"] = a.CoiStatus == CoiStatus.Expired ? "expired" : "expiring",
                    ["openCommitments"] = string.Join(", ", open.Select(c => c.Number)),
                };
            }).ToList();
        return new ReportTable($"Certificates of insurance expiring within {options.CoiWindowDays} days of {request.AsOf:yyyy-MM-dd} for {request.Tenant}",
            ["id", "insured", "expires", "daysLeft", "status", "openCommitments"], rows);
    }
}
