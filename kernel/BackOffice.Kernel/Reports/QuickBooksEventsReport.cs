using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Kernel.Reports;

/// <summary>
/// `backoffice report quickbooks-events [--since DATE]` (issue 13): each operation a verified QuickBooks webhook named
/// and what the sync did with it, newest first, at most <see cref="Shown"/> rows with "showing N of M" in the title.
/// </summary>
public sealed class QuickBooksEventsReport : IReport
{
    public const int Shown = 500;

    private static readonly string[] Columns = ["receivedAt", "realm", "entity", "entityId", "operation", "lastUpdated", "outcome", "detail"];

    public string Name => "quickbooks-events";

    public string Description => "QuickBooks webhook operations, newest first, and what the sync did with each (fetched, deleted, merged, skipped, failed)";

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var page = await request.Data.QuickBooksWebhookEvents.ListAsync(request.Since, Shown, cancellationToken);
        var rows = page.Rows.Select(e => new JsonObject
        {
            ["id"] = e.EventId,
            ["receivedAt"] = e.ReceivedAt,
            ["realm"] = e.RealmId,
            ["entity"] = e.Entity,
            ["entityId"] = e.EntityId,
            ["operation"] = e.Operation,
            ["lastUpdated"] = e.LastUpdated,
            ["outcome"] = e.Outcome,
            ["detail"] = e.Detail,
        }).ToList();
        var since = request.Since is { } at ? $" since {at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}" : "";
        var title = $"QuickBooks webhook events for {request.Tenant}{since} (showing {rows.Count.ToString(CultureInfo.InvariantCulture)} of {page.Total.ToString(CultureInfo.InvariantCulture)})";
        return new ReportTable(title, Columns, rows);
    }
}
