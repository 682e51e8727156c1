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
    /// <summary>The memo key of the shared analysis.</summary>
    public const string Key = "financial-analysis";

    /// <summary>
    /// The analysis the Financial reports share: the memo's, else the previous stamp's refreshed per key when the change
    /// journal allows it (<see cref="RefreshAsync"/>), else read from the books. Without a memo (the CLI) always read.
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
        if (memo.Previous?.Completed<FinancialSnapshot>(Key) is { } before && before.Analysis.AsOf == request.AsOf
            && await request.Times.TimedAsync("read per key", () => RefreshAsync(request, before, inputs, cancellationToken)) is { } refreshed)
        {
            memo.CountPerKey();
            var analysis = new FinancialAnalysis(refreshed.Data, request.AsOf, options);
            return new FinancialSnapshot(inputs, refreshed.Jobs is { } changed ? analysis.Keep(before.Analysis, changed) : analysis);
        }

        var data = await request.Times.TimedAsync("read the books", () => FinancialData.LoadAsync(request.Data, null, request.AsOf, null, null, null, cancellationToken));
        return new FinancialSnapshot(inputs, new FinancialAnalysis(data, request.AsOf, options));
    }

    /// <summary>The refreshed data, and the project jobs whose rows must be computed again (null: every job).</summary>
    private sealed record Refresh(FinancialData Data, IReadOnlySet<string>? Jobs);

    /// <summary>
    /// The previous data with what the journal says changed read again (and the jobs whose rows that changes), or null
    /// (read everything) unless the only writes since are bill and journal lines (<see cref="JobScope.From"/>, the sweep's rule) and nothing outside the journal
    /// moved. Then only the named jobs' cost totals (and the totals on no job: a journal line without a customer names
    /// none), the named bills and the named documents' cost exceptions can differ; each is re-read and put in the order
    /// the full read gives.
    /// </summary>
    private static async Task<Refresh?> RefreshAsync(ReportRequest request, FinancialSnapshot before, SweepInputs now, CancellationToken cancellationToken)
    {
        if (before.Inputs.Stamp != now.Stamp || now.JournalSeq < before.Inputs.JournalSeq)
        {
            return null;
        }

        var changes = await request.Data.Changes.SinceAsync(before.Inputs.JournalSeq, cancellationToken);
        var data = before.Analysis.Data;
        if (changes.Count == 0)
        {
            return new Refresh(data, new HashSet<string>());
        }

        if (JobScope.From(changes) is not { } scope)
        {
            return null;
        }

        var bills = changes.Where(c => c.Kind == "ledger_bills").Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var documents = changes.Where(c => c.Kind is "ledger_bills" or "ledger_journal_entries").Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var ledger = request.Data.LedgerFinancials;
        var totals = data.Books.CostTotals.Where(t => t.CustomerId is { } c && !scope.Customers.Contains(c))
            .Concat(await ledger.CostTotalsWithUnassignedAsync(request.AsOf, scope.Customers.ToList(), cancellationToken))
            .OrderBy(t => t.CustomerId is not null).ThenBy(t => t.CustomerId, StringComparer.Ordinal)
            .ThenBy(t => t.CostCode is not null).ThenBy(t => t.CostCode, StringComparer.Ordinal).ThenBy(t => t.AccountId, StringComparer.Ordinal).ToList();
        var closed = FinancialBooks.ClosedCustomers(data.Books.Contracts, data.Identity);
        var postings = data.Books.Postings.Where(p => !documents.Contains(p.ParentId))
            .Concat(await ledger.CostExceptionsAsync(closed, documents.ToList(), cancellationToken))
            .OrderBy(p => p.TxnDate).ThenBy(p => p.SourceId, StringComparer.Ordinal).ToList();
        var billRows = data.Bills.Where(b => !bills.Contains(b.Id))
            .Concat(bills.Count == 0 ? [] : await request.Data.Ledger.BillsWithIdsAsync(bills.ToList(), cancellationToken))
            .OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var refreshed = data with { Bills = billRows, Books = data.Books with { CostTotals = totals, Postings = postings } };
        // A project direct cost counts or not by the bills it matches, of any job (issue 14's rule): then every job again.
        return new Refresh(refreshed, data.Books.DirectCostLines is { Count: > 0 } ? null : scope.Jobs(refreshed));
    }
}
