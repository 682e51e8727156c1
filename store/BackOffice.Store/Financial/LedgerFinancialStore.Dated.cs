using System.Globalization;

namespace BackOffice.Store.Financial;

/// <summary>
/// Issue 18: the jobs with a row dated in (after, through], in each table the Financial agent's per-job figures read as of
/// a date. Ledger jobs are customer ids, project jobs job ids; <paramref name="TimecardJobs"/> are the jobs of timecards
/// clocked in during those days ("" for a timecard on no job), which matter only when labor burden prices timecards.
/// </summary>
public sealed record JobsDatedBetween(IReadOnlySet<string> LedgerCustomers, IReadOnlySet<string> ProjectJobs, IReadOnlySet<string> TimecardJobs);

public sealed partial class LedgerFinancialStore
{
    /// <summary>
    /// The jobs with a row dated after <paramref name="after"/> up to <paramref name="through"/>: active bills' and journal
    /// entries' lines (cost totals), invoices (billed to date), change orders by approval date (contract and committed cost),
    /// pay applications by period end (physical progress), and timecards by clock-in day (hours and overtime). Each part
    /// reads its table by a range of its date column through an index (migrations 1987 and 2031), never the whole books.
    /// The project tables are read here too so the move costs one round trip; they are the same tenant's rows.
    /// </summary>
    public async Task<JobsDatedBetween> JobsDatedBetweenAsync(DateOnly after, DateOnly through, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<DatedRow>(
            """
            SELECT 'customer' AS Kind, l.customer_id AS Id FROM ledger_bills b JOIN ledger_bill_lines l ON l.bill_id = b.id
            WHERE b.status = 'active' AND b.txn_date > @After AND b.txn_date <= @Through AND l.customer_id IS NOT NULL
            UNION
            SELECT 'customer', l.customer_id FROM ledger_journal_entries e JOIN ledger_journal_lines l ON l.journal_entry_id = e.id
            WHERE e.status = 'active' AND e.txn_date > @After AND e.txn_date <= @Through AND l.customer_id IS NOT NULL
            UNION
            SELECT 'customer', customer_id FROM ledger_invoices WHERE txn_date > @After AND txn_date <= @Through
            UNION
            SELECT 'job', job_id FROM project_change_orders WHERE approved_date > @After AND approved_date <= @Through
            UNION
            SELECT 'job', job_id FROM project_pay_apps WHERE period_end > @After AND period_end <= @Through
            UNION
            SELECT 'timecard', COALESCE(job_id, '') FROM workforce_timecards WHERE clock_in >= @FirstDay AND clock_in < @DayAfter
            """,
            new { After = Text(after), Through = Text(through), FirstDay = Text(after.AddDays(1)), DayAfter = Text(through.AddDays(1)) },
            cancellationToken);
        var list = rows.ToList();
        return new JobsDatedBetween(Ids(list, "customer"), Ids(list, "job"), Ids(list, "timecard"));
    }

    private static HashSet<string> Ids(List<DatedRow> rows, string kind) =>
        rows.Where(r => r.Kind == kind).Select(r => r.Id ?? "").ToHashSet(StringComparer.Ordinal);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class DatedRow
    {
        public string Kind { get; init; } = "";
        public string? Id { get; init; }
    }
}
