using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// Issue 17: re-reads what journaled writes to lines, bill headers and invoices can change, and splices it into the
/// previous data in the order the full read gives (SQL's ORDER BY on text keys is code-point order on both engines).
/// </summary>
internal static class FinancialRefreshKeys
{
    /// <summary>
    /// The data with the named bills, documents' cost exceptions, invoices and ledger jobs' cost totals read again, and
    /// the ledger jobs (customers) whose figures can differ: those the journal names, those on the named bills' lines
    /// before and after (a bill header's date or status moves its lines' cost), and the named invoices' before and after.
    /// </summary>
    /// <param name="moreCustomers">Issue 17: ledger jobs whose cost moved by a write named elsewhere (a journal entry header's lines).</param>
    public static async Task<(FinancialData Data, IReadOnlySet<string> Customers)> RereadAsync(
        ReportRequest request, FinancialData data, IReadOnlyList<JournalEntry> changes, IReadOnlySet<string> moreCustomers, CancellationToken cancellationToken)
    {
        var bills = Keys(changes, "ledger_bills");
        var invoices = Keys(changes, "ledger_invoices");
        var documents = Keys(changes, "ledger_bills", "ledger_journal_entries");
        var billRows = bills.Count == 0 ? [] : await request.Data.Ledger.BillsWithIdsAsync(bills, cancellationToken);
        var invoiceRows = invoices.Count == 0 ? [] : await request.Data.LedgerFinancials.InvoicesWithIdsAsync(invoices, cancellationToken);
        var customers = Keys(changes, "customer");
        customers.UnionWith(moreCustomers);
        customers.UnionWith(data.Bills.Where(b => bills.Contains(b.Id)).Concat(billRows).SelectMany(b => b.Lines)
            .Select(l => l.CustomerId).OfType<string>());
        customers.UnionWith(data.Books.Invoices.Where(i => invoices.Contains(i.Id)).Concat(invoiceRows).Select(i => i.CustomerId));

        var ledger = request.Data.LedgerFinancials;
        var totals = data.Books.CostTotals.Where(t => t.CustomerId is { } c && !customers.Contains(c))
            .Concat(await ledger.CostTotalsWithUnassignedAsync(request.AsOf, customers.ToList(), cancellationToken))
            .OrderBy(t => t.CustomerId is not null).ThenBy(t => t.CustomerId, StringComparer.Ordinal)
            .ThenBy(t => t.CostCode is not null).ThenBy(t => t.CostCode, StringComparer.Ordinal).ThenBy(t => t.AccountId, StringComparer.Ordinal).ToList();
        var closed = FinancialBooks.ClosedCustomers(data.Books.Contracts, data.Identity);
        var postings = documents.Count == 0 ? data.Books.Postings : data.Books.Postings.Where(p => !documents.Contains(p.ParentId))
            .Concat(await ledger.CostExceptionsAsync(closed, documents.ToList(), cancellationToken))
            .OrderBy(p => p.TxnDate).ThenBy(p => p.SourceId, StringComparer.Ordinal).ThenBy(p => p.SourceTable, StringComparer.Ordinal).ToList();
        var books = data.Books with { CostTotals = totals, Postings = postings, Invoices = Splice(data.Books.Invoices, invoices, invoiceRows) };
        return (data with { Bills = Splice(data.Bills, bills, billRows), Books = books }, customers);
    }

    /// <summary>The bills without the named ones, then the named ones as read now, by id (the full read's order).</summary>
    private static IReadOnlyList<LedgerBill> Splice(IReadOnlyList<LedgerBill> rows, IReadOnlySet<string> ids, IReadOnlyList<LedgerBill> now) =>
        ids.Count == 0 ? rows : rows.Where(b => !ids.Contains(b.Id)).Concat(now).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();

    /// <summary>The invoices without the named ones, then the named ones as read now, by date and id (the full read's order).</summary>
    private static IReadOnlyList<LedgerInvoice> Splice(IReadOnlyList<LedgerInvoice> rows, IReadOnlySet<string> ids, IReadOnlyList<LedgerInvoice> now) =>
        ids.Count == 0 ? rows : rows.Where(i => !ids.Contains(i.Id)).Concat(now).OrderBy(i => i.TxnDate).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    private static HashSet<string> Keys(IReadOnlyList<JournalEntry> changes, params string[] kinds) =>
        changes.Where(c => kinds.Contains(c.Kind)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
}
