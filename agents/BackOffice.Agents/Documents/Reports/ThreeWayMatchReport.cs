using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>
/// `backoffice report three-way-match` (issue 16): every inbox bill matched to an order, matched or not, one row per
/// check (amount against the order's remaining amount, amount against the receipt or progress record, line price,
/// quantity, over-receipt): expected, actual, variance, variance % of the expected amount (two places, display), the
/// allowed variance and whether it is within, so a bill inside tolerance shows its variance too. Before this report a
/// matched bill was in no report; a bill the Financial agent drafts from its sub invoice says so.
/// </summary>
public sealed class ThreeWayMatchReport(DocumentsOptions options) : IReport
{
    public string Name => "three-way-match";

    public string Description => "Every bill against its order and receipt or progress record: expected, actual, variance, variance %, allowed, within";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analyses = await DocumentReports.AnalyzeAsync(request, options, cancellationToken);
        // Issue 17: the job by any identifier, as every report takes it.
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var rows = analyses
            .Where(a => a.Order is not null && (job is null || job.Is(a.Job?.Id)))
            .SelectMany(a => a.Order!.Result.Checks.Select((check, i) => new JsonObject
            {
                ["id"] = $"{a.Document.Id}:{i + 1}",
                ["document"] = a.Document.Id,
                ["vendor"] = a.VendorName,
                ["invoice"] = a.Bill?.InvoiceNumber,
                ["check"] = check.Name,
                ["against"] = check.Against,
                ["expected"] = Amount(check.Outcome.Expected),
                ["actual"] = Amount(check.Outcome.Actual),
                ["variance"] = Amount(check.Outcome.Variance),
                ["variancePercent"] = check.Outcome.VariancePercent?.ToString("0.00", CultureInfo.InvariantCulture),
                ["allowed"] = check.Outcome.Allowed == decimal.MaxValue ? "unlimited" : Amount(check.Outcome.Allowed),
                ["within"] = check.Outcome.Within ? "yes" : "no",
                ["match"] = (a.Order.Result.Matched ? "matched" : "exception") + (a.Order.Result.ThreeWay ? ", three-way" : ", two-way only"),
                ["note"] = a.CoveredBy is { } sub ? $"drafted by the Financial agent from sub invoice {sub.Number}" : "",
            })).ToList();
        return new ReportTable(RoundingStatements.Titled($"Three-way match for {request.Tenant} (amount tolerance {options.AmountTolerance.Describe()})", RoundingStatements.ThreeWayMatch),
            ["document", "vendor", "invoice", "check", "against", "expected", "actual", "variance", "variancePercent", "allowed", "within", "match", "note"], rows);
    }

    // Amounts are cents; unit prices and quantities may carry four places, shown as they are.
    private static string Amount(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
