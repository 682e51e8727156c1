using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: the Financial reports' shared analysis of one tenant and date, with the sweep inputs it was read under (the
/// change journal's last seq and the stamp of everything the journal does not cover), so the next stamp's analysis can be
/// refreshed per key instead of read from the whole books again.
/// </summary>
internal sealed record FinancialSnapshot(SweepInputs Inputs, FinancialAnalysis Analysis)
{
    /// <summary>
    /// Issue 17: when refreshed per key, the inputs of the snapshot it was refreshed from and the journal rows since (else
    /// null); the inputs only, so a snapshot does not hold every earlier analysis alive.
    /// </summary>
    public (SweepInputs From, IReadOnlyList<JournalEntry> Changes)? Refreshed { get; init; }

    /// <summary>The memo key of the shared analysis.</summary>
    public const string Key = "financial-analysis";

    /// <summary>
    /// The analysis the Financial reports share: the memo's, else the previous stamp's refreshed per key when the change
    /// journal allows it (<see cref="FinancialRefresh.RunAsync"/>), else read from the books. Without a memo (the CLI) always read.
    /// </summary>
    public static async Task<FinancialAnalysis> AnalyseAsync(ReportRequest request, FinancialOptions options, CancellationToken cancellationToken)
    {
        if (request.Memo is not { } memo)
        {
            return new(await FinancialData.LoadAsync(request.Data, null, request.AsOf, null, null, null, cancellationToken), request.AsOf, options);
        }

        var snapshot = await memo.GetOrAddAsync(Key, () => MakeAsync(request, memo, options, CancellationToken.None));
        return snapshot.Analysis;
    }

    private static async Task<FinancialSnapshot> MakeAsync(ReportRequest request, ReportMemo memo, FinancialOptions options, CancellationToken cancellationToken)
    {
        // Read before the data: a write during the load is then also after this seq, and the next refresh reads it again.
        var inputs = await request.Data.SweepMarks.InputsAsync(cancellationToken);
        if (memo.Previous?.Base<FinancialSnapshot>(Key) is { } before && before.Analysis.AsOf == request.AsOf
            && await request.Times.TimedAsync("read per key", () => FinancialRefresh.RunAsync(request, before, inputs, cancellationToken)) is { } refreshed)
        {
            memo.CountPerKey();
            var analysis = new FinancialAnalysis(refreshed.Data, request.AsOf, options);
            return new FinancialSnapshot(inputs, refreshed.Jobs is { } changed ? analysis.Keep(before.Analysis, changed, refreshed.KeepCommitted, refreshed.KeepLabor) : analysis)
            {
                Refreshed = (before.Inputs, refreshed.Changes),
            };
        }

        var data = await request.Times.TimedAsync("read the books", () => FinancialData.LoadAsync(request.Data, null, request.AsOf, null, null, null, cancellationToken));
        return new FinancialSnapshot(inputs, new FinancialAnalysis(data, request.AsOf, options));
    }
}
