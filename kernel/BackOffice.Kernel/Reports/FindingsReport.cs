using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Findings;

namespace BackOffice.Kernel.Reports;

/// <summary>`backoffice report findings`: what the agents found that is still open, worst first.</summary>
public sealed class FindingsReport : IReport
{
    public string Name => "findings";

    public string Description => "Open findings of every agent, worst first";

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var findings = await FindingStore.ListOpenAsync(request.Data, null, cancellationToken);
        var rows = findings.Select(f => new JsonObject
        {
            ["id"] = f.Id,
            ["agent"] = f.Agent,
            ["check"] = f.Check,
            ["severity"] = f.Severity,
            ["title"] = f.Title,
            ["figures"] = JsonNode.Parse(f.FiguresJson),
            ["narrative"] = f.Narrative,
            ["firstSeenAt"] = f.FirstSeenAt,
        }).ToList();
        return new ReportTable($"Open findings for {request.Tenant}", ["severity", "agent", "title"], rows);
    }
}
