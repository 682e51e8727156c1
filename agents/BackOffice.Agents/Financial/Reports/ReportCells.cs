using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>How the Financial reports write cells and read their request (issue 3): invariant text, amounts to the cent.</summary>
internal static class ReportCells
{
    public static JsonNode? Usd(decimal? amount) => amount is { } a ? MoneyText.Plain(a) : null;

    public static string Percent(decimal percent) => percent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Issue 17: one analysis per tenant, data and date for every Financial report (wip, margin, variance, ...), not one
    /// each; after a write to a few jobs' cost lines, the previous one refreshed per key (<see cref="FinancialSnapshot"/>).
    /// </summary>
    public static Task<FinancialAnalysis> AnalyseAsync(ReportRequest request, FinancialOptions options, CancellationToken cancellationToken) =>
        FinancialSnapshot.AnalyseAsync(request, options, cancellationToken);

    /// <summary>`--job` takes any job identifier, project or ledger side (issue 17: <see cref="Books.ReportJobs"/>); the project job's id.</summary>
    public static async Task<string?> JobIdAsync(ReportRequest request, CancellationToken cancellationToken) =>
        (await Books.ReportJobs.ForAsync(request, cancellationToken))?.ProjectKey;

    public static string Title(string what, ReportRequest request) =>
        $"{what} for {request.Tenant} as of {request.AsOf:yyyy-MM-dd}" + (request.Job is null ? "" : $", job {request.Job}");
}
