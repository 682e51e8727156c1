using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Tests.Browser;

/// <summary>
/// A stand-in for the Financial agent's `wip` report (built in parallel), so the console's job view has something to
/// chart. Figures are fixed text, as a report computes them; the console only draws them.
/// </summary>
public sealed class SampleWipReport : IReport
{
    public string Name => "wip";

    public string Description => "WIP schedule (test stand-in)";

    public Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ReportTable("WIP schedule", ["job", "percentComplete", "overUnderBilling", "marginAtCompletion"],
        [
            Row("2026-014", "Smith Residence - Kitchen", "62.50", "4200.00", "18.20"),
            Row("2026-021", "Oak St Retail Fit-out", "35.00", "-12850.00", "9.75"),
            Row("2026-030", "Harbor Clinic TI", "88.10", "1500.00", "-3.40"),
        ]));

    private static JsonObject Row(string id, string job, string percent, string overUnder, string margin) => new()
    {
        ["id"] = id, ["job"] = job, ["percentComplete"] = percent, ["overUnderBilling"] = overUnder, ["marginAtCompletion"] = margin,
    };
}
