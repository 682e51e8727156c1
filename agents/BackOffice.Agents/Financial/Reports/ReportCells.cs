using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>How the Financial reports write cells and read their request (issue 3): invariant text, amounts to the cent.</summary>
internal static class ReportCells
{
    public static JsonNode? Usd(decimal? amount) => amount is { } a ? MoneyText.Plain(a) : null;

    public static string Percent(decimal percent) => percent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<FinancialAnalysis> AnalyseAsync(ReportRequest request, FinancialOptions options, CancellationToken cancellationToken) =>
        // Issue 17: one analysis per tenant, data and date for every Financial report (wip, margin, variance, ...), not one each.
        request.Memo is { } memo
            ? memo.GetOrAddAsync("financial-analysis", () => LoadAsync(request, options, CancellationToken.None))
            : LoadAsync(request, options, cancellationToken);

    private static async Task<FinancialAnalysis> LoadAsync(ReportRequest request, FinancialOptions options, CancellationToken cancellationToken) =>
        new(await FinancialData.LoadAsync(request.Data, null, request.AsOf, null, null, null, cancellationToken), request.AsOf, options);

    /// <summary>`--job` takes any job identifier, project or ledger side (issue 17: <see cref="Books.ReportJobs"/>); the project job's id.</summary>
    public static async Task<string?> JobIdAsync(ReportRequest request, CancellationToken cancellationToken) =>
        (await Books.ReportJobs.ForAsync(request, cancellationToken))?.ProjectKey;

    public static string Title(string what, ReportRequest request) =>
        $"{what} for {request.Tenant} as of {request.AsOf:yyyy-MM-dd}" + (request.Job is null ? "" : $", job {request.Job}");
}
