using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: what journaled writes to payments, journal entry headers and commitments change in the Financial analysis's
/// data, read again by key: the named payments (no WIP figure reads them; the reconciliation and cash forecast do), the
/// named entries' lines' jobs (a header's date or status moves their cost; reclass memos live on the header) and the
/// commitments with their lines (committed cost of the named commitments' jobs).
/// </summary>
internal static class FinancialRefreshLedger
{
    /// <summary>The journal kinds (a row's own table, or a line's document) this refresh handles.</summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ledger_payments", "ledger_payment_lines", "ledger_journal_entries", "project_commitments", "project_commitment_lines",
    };

    /// <summary>
    /// The data with the named payments, reclassed lines and commitments read again; the ledger jobs (customers) whose cost
    /// the named entries' lines carry; the project jobs of the named commitments before and after; and whether
    /// committed cost must be computed again.
    /// </summary>
    public static async Task<(FinancialData Data, IReadOnlySet<string> Customers, IReadOnlySet<string> Jobs, bool Committed)> RereadAsync(
        ReportRequest request, FinancialData data, IReadOnlyList<JournalEntry> changes, CancellationToken cancellationToken)
    {
        var ledger = request.Data.LedgerFinancials;
        var payments = Keys(changes, "ledger_payments");
        if (payments.Count > 0)
        {
            var now = await ledger.PaymentsWithIdsAsync(payments, cancellationToken);
            var spliced = data.Books.Payments.Where(p => !payments.Contains(p.Id)).Concat(now)
                .OrderBy(p => p.TxnDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            data = data with { Books = data.Books with { Payments = spliced } };
        }

        var entries = Keys(changes, "ledger_journal_entries");
        IReadOnlySet<string> customers = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count > 0)
        {
            customers = await ledger.JournalEntryCustomersAsync(entries, cancellationToken);
            data = data with { Books = data.Books with { Reclassed = await request.Data.Reclasses.ReclassedLinesAsync(cancellationToken) } };
        }

        var commitments = Keys(changes, "project_commitments");
        var jobs = new HashSet<string>(StringComparer.Ordinal);
        if (commitments.Count > 0)
        {
            var now = (await request.Data.Project.CommitmentsAsync(cancellationToken)).ToDictionary(c => c.Id);
            jobs.UnionWith(Keys(changes, "job"));
            jobs.UnionWith(commitments.SelectMany(id => new[] { data.Commitments.GetValueOrDefault(id)?.JobId, now.GetValueOrDefault(id)?.JobId }).OfType<string>());
            var lines = await request.Data.ProjectFinancials.CommitmentLinesAsync(cancellationToken);
            data = data with { Commitments = now, Books = data.Books with { CommitmentLines = lines } };
        }

        return (data, customers, jobs, commitments.Count > 0);
    }

    private static HashSet<string> Keys(IReadOnlyList<JournalEntry> changes, string kind) =>
        changes.Where(c => c.Kind == kind).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
}
