using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Books;

/// <summary>
/// Issue 17: what changed since a report's shared data was read, when the change journal can say it: the journal rows
/// since, and whether a person confirmed a link. Null (read everything) when anything outside the journal moved that
/// the data may read: the audit event or the files (<see cref="SweepInputs.Outside"/>), a counted side table other than
/// the ones no report's shared data reads, or a journal row without its table.
/// </summary>
internal static class RefreshChanges
{
    /// <summary>Links a person confirmed: part of the identity (job and vendor maps) the data resolves with.</summary>
    public const string LinksTable = "financial_links";

    /// <summary>
    /// Counted side tables (migration 1955) that neither the Financial analysis (<c>FinancialData.LoadAsync</c>) nor
    /// the Workforce or Documents reports' data read: a write to one moves no figure of them (the gate-side notes,
    /// promises, outboxes, estimates, price files, WIP periods...).
    /// </summary>
    public static readonly IReadOnlySet<string> UnreadTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "books_date", "budget_line_materials", "collections_disputes", "collections_outbox", "collections_promises", "estimate_lines",
        "estimates", "financial_notes", "memory_items", "pricebook_applied_updates", "pricebook_markup_rules", "pricebook_match_decisions",
        "pricebook_price_files", "pricebook_price_lines", "pricebook_vendor_mappings", "procore_connections", "quickbooks_connections",
        "wip_period_jobs", "wip_periods", "workforce_outbox",
    };

    /// <summary>The journal rows since <paramref name="before"/> and whether a confirmed link moved, or null (read everything).</summary>
    public static async Task<(IReadOnlyList<JournalEntry> Changes, bool Links)?> SinceAsync(
        ReportRequest request, SweepInputs before, SweepInputs now, CancellationToken cancellationToken)
    {
        var moved = now.TablesMovedSince(before);
        if (before.Outside != now.Outside || now.JournalSeq < before.JournalSeq || moved.Any(t => t != LinksTable && !UnreadTables.Contains(t)))
        {
            return null;
        }

        var changes = await request.Data.Changes.SinceAsync(before.JournalSeq, cancellationToken);
        return changes.Any(c => c.Table is null) ? null : (changes, moved.Contains(LinksTable));
    }
}
