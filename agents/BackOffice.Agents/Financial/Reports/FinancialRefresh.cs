using BackOffice.Agents.Books;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: the Financial analysis's data brought up to date per key from the previous stamp's, when what changed since
/// is known entity by entity: bill and journal lines, bill headers and invoices, payments, journal entry headers and
/// commitments (the change journal names them, <see cref="FinancialRefreshLedger"/>), and the
/// side tables migration 2027 versions one by one (a note moves no figure; a confirmed link moves the job map). A proposal
/// executed or undone through the gate is seen by what it wrote when its executor's writes are tracked (the gate marks
/// its audit events, <see cref="TrackedExecutions"/>). Anything else (another journaled table, a journal row without its
/// table, an untracked execution, a file) reads the whole books.
/// </summary>
internal static class FinancialRefresh
{
    /// <summary>Journaled tables whose rows are re-read by key: lines, their documents, and invoices.</summary>
    private static readonly HashSet<string> KeyedTables = new(StringComparer.Ordinal)
    {
        "ledger_bill_lines", "ledger_journal_lines", "ledger_bills", "ledger_invoices", "ledger_invoice_lines",
    };

    /// <summary>
    /// Counted side tables (migration 1955) that <see cref="FinancialData.LoadAsync"/> does not read: a write to one moves
    /// no figure of the analysis (the gate-side notes, promises, outboxes, estimates, price files, WIP periods...).
    /// A counted table missing here and not <see cref="LinksTable"/> reads the whole books.
    /// </summary>
    private static readonly HashSet<string> UnreadTables = new(StringComparer.Ordinal)
    {
        "books_date", "budget_line_materials", "collections_disputes", "collections_outbox", "collections_promises", "estimate_lines",
        "estimates", "financial_notes", "memory_items", "pricebook_applied_updates", "pricebook_markup_rules", "pricebook_match_decisions",
        "pricebook_price_files", "pricebook_price_lines", "pricebook_vendor_mappings", "procore_connections", "quickbooks_connections",
        "wip_period_jobs", "wip_periods", "workforce_outbox",
    };

    /// <summary>Links a person confirmed: part of the identity (job and vendor maps) the analysis resolves with.</summary>
    private const string LinksTable = "financial_links";

    /// <summary>
    /// The refreshed data, the project jobs whose rows must be computed again (null: every job), and the journal rows it
    /// was refreshed by (the cash forecast re-reads the bills they name).
    /// </summary>
    /// <param name="KeepCommitted">Issue 17: false when commitments changed, so committed cost is computed again.</param>
    internal sealed record Refresh(FinancialData Data, IReadOnlySet<string>? Jobs, IReadOnlyList<JournalEntry> Changes, bool KeepCommitted = true);

    /// <summary>The previous data with what changed read again, or null (read everything) when the change is not keyed.</summary>
    public static async Task<Refresh?> RunAsync(ReportRequest request, FinancialSnapshot before, SweepInputs now, CancellationToken cancellationToken)
    {
        var moved = now.TablesMovedSince(before.Inputs);
        if (before.Inputs.Outside != now.Outside || now.JournalSeq < before.Inputs.JournalSeq
            || moved.Any(t => t != LinksTable && !UnreadTables.Contains(t)))
        {
            return null;
        }

        var changes = await request.Data.Changes.SinceAsync(before.Inputs.JournalSeq, cancellationToken);
        if (changes.Any(c => c.Table is null || !(KeyedTables.Contains(c.Table) || FinancialRefreshLedger.Tables.Contains(c.Table))))
        {
            return null;
        }

        var data = before.Analysis.Data;
        var jobs = new HashSet<string>(StringComparer.Ordinal);
        if (moved.Contains(LinksTable))
        {
            (data, var relinked) = await RelinkAsync(request, data, cancellationToken);
            jobs.UnionWith(relinked);
        }

        var committed = false;
        if (changes.Count > 0)
        {
            (data, var entryCustomers, var commitmentJobs, committed) = await FinancialRefreshLedger.RereadAsync(request, data, changes, cancellationToken);
            (data, var customers) = await FinancialRefreshKeys.RereadAsync(request, data, changes, entryCustomers, cancellationToken);
            jobs.UnionWith(data.JobMap().Where(m => customers.Contains(m.Value)).Select(m => m.Key));
            jobs.UnionWith(commitmentJobs);
        }

        // A project direct cost counts or not by the bills it matches, of any job (issue 14's rule): then every job again.
        return new Refresh(data, data.Books.DirectCostLines is { Count: > 0 } && changes.Count > 0 ? null : jobs, changes, !committed);
    }

    /// <summary>
    /// A confirmed link changed: the identity is resolved again (masters and links, a few hundred rows; the masters are
    /// journaled, so unchanged here). The jobs whose ledger twin changed are computed again; when the closed jobs' twins
    /// change, the cost lines the closed-job check looks at are read again.
    /// </summary>
    private static async Task<(FinancialData Data, IReadOnlySet<string> Jobs)> RelinkAsync(ReportRequest request, FinancialData data, CancellationToken cancellationToken)
    {
        var books = await TenantBooks.LoadAsync(request.Data, null, cancellationToken);
        var relinked = data with { Identity = books.Identity };
        var (oldMap, newMap) = (data.JobMap(), relinked.JobMap());
        var jobs = oldMap.Keys.Concat(newMap.Keys).Where(j => oldMap.GetValueOrDefault(j) != newMap.GetValueOrDefault(j)).ToHashSet(StringComparer.Ordinal);
        var closed = FinancialBooks.ClosedCustomers(data.Books.Contracts, books.Identity);
        if (!closed.Order(StringComparer.Ordinal).SequenceEqual(FinancialBooks.ClosedCustomers(data.Books.Contracts, data.Identity).Order(StringComparer.Ordinal)))
        {
            var postings = await request.Data.LedgerFinancials.CostExceptionsAsync(closed, cancellationToken);
            relinked = relinked with { Books = relinked.Books with { Postings = postings } };
        }

        return (relinked, jobs);
    }
}
