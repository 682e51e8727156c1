using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>What the Documents reports share: the review of every inbox document as of the report's date.</summary>
internal static class DocumentReports
{
    /// <summary>
    /// The review of the inbox as of the request's date; issue 17: once per tenant, data and date for all four
    /// Documents reports when the report cache gives a memo (each took 1.5-3 s on a 200-job tenant on its own), from data
    /// refreshed per table after a write (<see cref="DocumentsSnapshot"/>).
    /// </summary>
    public static Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(ReportRequest request, DocumentsOptions options, CancellationToken cancellationToken) =>
        request.Memo is { } memo
            ? memo.GetOrAddAsync("documents-review", async () =>
            {
                var snapshot = await DocumentsSnapshot.GetAsync(request, memo);
                return DocumentReview.AnalyzeInbox(request.Data.Folder, snapshot.Inbox, snapshot.Data, request.AsOf, options);
            })
            : ReviewAsync(request, options, cancellationToken);

    private static async Task<IReadOnlyList<DocumentAnalysis>> ReviewAsync(ReportRequest request, DocumentsOptions options, CancellationToken cancellationToken) =>
        await DocumentReview.AnalyzeAsync(request.Data, await DocumentsData.LoadAsync(request.Data, null, request.AsOf, cancellationToken), request.AsOf, options, cancellationToken);
}
