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
/// its audit events, <see cref="TrackedExecutions"/>). Budgets, change orders, pay apps, project jobs and the workforce
/// tables are read again whole and recompute the jobs named (<see cref="FinancialRefreshProject"/>); a pricebook item,
/// a budget spread or a schedule task moves nothing the analysis reads; a vendor, customer or account renamed and sub
/// invoices are <see cref="FinancialRefreshMasters"/>'. Anything else (another journaled table such as direct costs, an
/// account's type, a journal row without its table, an untracked execution, a file) reads the whole books.
/// </summary>
internal static class FinancialRefresh
{
    /// <summary>Journaled tables whose rows are re-read by key: lines, their documents, and invoices.</summary>
    private static readonly HashSet<string> KeyedTables = new(StringComparer.Ordinal)
    {
        "ledger_bill_lines", "ledger_journal_lines", "ledger_bills", "ledger_invoices", "ledger_invoice_lines",
    };

    /// <summary>
    /// Issue 17: journaled tables <see cref="FinancialData.LoadAsync"/> does not read: a pricebook update through the gate,
    /// budget spreads and schedule tasks (earned value and schedule variance read those themselves on every run).
    /// </summary>
    private static readonly HashSet<string> UnreadJournalTables = new(StringComparer.Ordinal)
    {
        "pricebook_items", "project_budget_spreads", "project_schedule_tasks",
    };

    /// <summary>
    /// The refreshed data, the project jobs whose rows must be computed again (null: every job), and the journal rows it
    /// was refreshed by (the cash forecast re-reads the bills they name).
    /// </summary>
    /// <param name="KeepCommitted">Issue 17: false when commitments or change orders changed, so committed cost is computed again.</param>
    /// <param name="KeepLabor">Issue 17: false when timecards, employees or burden profiles changed (burdened rates, overtime).</param>
    internal sealed record Refresh(
        FinancialData Data, IReadOnlySet<string>? Jobs, IReadOnlyList<JournalEntry> Changes, bool KeepCommitted = true, bool KeepLabor = true);

    /// <summary>The previous data with what changed read again, or null (read everything) when the change is not keyed.</summary>
    public static async Task<Refresh?> RunAsync(ReportRequest request, FinancialSnapshot before, SweepInputs now, CancellationToken cancellationToken)
    {
        if (await RefreshChanges.SinceAsync(request, before.Inputs, now, cancellationToken) is not (var changes, var links)
            || changes.Any(c => !Handled(c.Table!) || !FinancialRefreshMasters.Keyed(c)))
        {
            return null;
        }

        var jobs = new HashSet<string>(StringComparer.Ordinal);
        var jobRows = changes.Any(c => c.Table == FinancialRefreshProject.JobsTable);
        var (data, masters) = await FinancialRefreshMasters.RereadAsync(request, before.Analysis.Data, changes, cancellationToken);
        if (links || jobRows || masters)
        {
            (data, var relinked) = await RelinkAsync(request, data, jobRows, cancellationToken);
            jobs.UnionWith(relinked);
        }

        var (committed, labor, everyJob) = (false, false, false);
        if (changes.Count > 0)
        {
            (data, var projectJobs, var orders, labor) = await FinancialRefreshProject.RereadAsync(request, data, changes, cancellationToken);
            (data, var entryCustomers, var commitmentJobs, var commitments) = await FinancialRefreshLedger.RereadAsync(request, data, changes, cancellationToken);
            (data, var customers) = await FinancialRefreshKeys.RereadAsync(request, data, changes, entryCustomers, cancellationToken);
            jobs.UnionWith(data.JobMap().Where(m => customers.Contains(m.Value)).Select(m => m.Key));
            jobs.UnionWith(commitmentJobs);
            jobs.UnionWith(projectJobs ?? new HashSet<string>());
            (committed, everyJob) = (orders || commitments, projectJobs is null);
        }

        // A project direct cost counts or not by the bills it matches, of any job (issue 14's rule): then every job again.
        everyJob |= data.Books.DirectCostLines is { Count: > 0 } && changes.Count > 0;
        return new Refresh(data, everyJob ? null : jobs, changes, !committed, !labor);
    }

    private static bool Handled(string table) => KeyedTables.Contains(table) || FinancialRefreshLedger.Tables.Contains(table)
        || FinancialRefreshProject.Tables.Contains(table) || FinancialRefreshMasters.Tables.Contains(table) || table == FinancialRefreshProject.JobsTable || UnreadJournalTables.Contains(table);

    /// <summary>
    /// A confirmed link, a project job or another master (a vendor, a customer) changed: the masters are read and the
    /// identity resolved again (masters and links, a few hundred rows), and with <paramref name="jobRows"/> the jobs and their
    /// contracts (status, contract value, dates) are read again. The jobs whose ledger twin changed are computed again
    /// (the journal's named jobs are <see cref="FinancialRefreshProject"/>'s); when the closed jobs' twins change (a job
    /// closed or reopened too), the cost lines the closed-job check looks at are read again.
    /// </summary>
    private static async Task<(FinancialData Data, IReadOnlySet<string> Jobs)> RelinkAsync(
        ReportRequest request, FinancialData data, bool jobRows, CancellationToken cancellationToken)
    {
        var books = await TenantBooks.LoadAsync(request.Data, null, cancellationToken);
        var contracts = jobRows ? await request.Data.ProjectFinancials.ContractsAsync(cancellationToken) : data.Books.Contracts;
        var relinked = data with
        {
            Identity = books.Identity, Jobs = books.Masters.Jobs.ToDictionary(j => j.Id), Books = data.Books with { Contracts = contracts },
            Vendors = books.Masters.Vendors.ToDictionary(v => v.Id), LedgerVendors = books.Masters.LedgerVendors.ToDictionary(v => v.Id),
            LedgerCustomers = books.Masters.LedgerCustomers.ToDictionary(c => c.Id),
        };
        var (oldMap, newMap) = (data.JobMap(), relinked.JobMap());
        var jobs = oldMap.Keys.Concat(newMap.Keys).Where(j => oldMap.GetValueOrDefault(j) != newMap.GetValueOrDefault(j)).ToHashSet(StringComparer.Ordinal);
        var closed = FinancialBooks.ClosedCustomers(contracts, books.Identity);
        if (!closed.Order(StringComparer.Ordinal).SequenceEqual(FinancialBooks.ClosedCustomers(data.Books.Contracts, data.Identity).Order(StringComparer.Ordinal)))
        {
            var postings = await request.Data.LedgerFinancials.CostExceptionsAsync(closed, cancellationToken);
            relinked = relinked with { Books = relinked.Books with { Postings = postings } };
        }

        return (relinked, jobs);
    }
}
