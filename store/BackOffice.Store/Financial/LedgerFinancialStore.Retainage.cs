using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Financial;

public sealed partial class LedgerFinancialStore
{
    /// <summary>
    /// Issue 16: journal entries' credit balance (credits less debits) on one account by vendor and customer, entries dated
    /// on or before <paramref name="asOf"/>: what retainage payable true-ups hold per subcontractor and job. A line's
    /// vendor and job are its own; on synced books, where a line has one entity, the job of a vendor's line is its class
    /// read through <paramref name="jobsByClass"/>, and a line without a vendor or job takes the one its entry names (a
    /// true-up is one subcontractor on one job). Lines still without both belong to no subcontractor's job and are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Vendor, string Customer), decimal>> JournalCreditBalancesByVendorAndCustomerAsync(
        string accountId, DateOnly asOf, IReadOnlyDictionary<string, string> jobsByClass, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await connectionUnit.Connection.QueryAsync<JournalPartyRow>(new CommandDefinition(
            """
            SELECT l.journal_entry_id AS EntryId, l.account_id AS AccountId, CASE l.posting_type WHEN 'Credit' THEN l.amount_cents ELSE -l.amount_cents END AS Cents,
                   l.vendor_id AS VendorId, l.customer_id AS CustomerId, l.class_id AS ClassId
            FROM ledger_journal_lines l JOIN ledger_journal_entries e ON e.id = l.journal_entry_id
            WHERE e.status = 'active' AND e.txn_date <= @asOf
              AND l.journal_entry_id IN (SELECT journal_entry_id FROM ledger_journal_lines WHERE account_id = @accountId)
            ORDER BY l.journal_entry_id, l.line_no
            """, new { accountId, asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        var balances = new Dictionary<(string Vendor, string Customer), long>();
        foreach (var entry in rows.GroupBy(r => r.EntryId, StringComparer.Ordinal))
        {
            foreach (var (party, cents) in Parties(entry.ToList(), accountId, jobsByClass))
            {
                balances[party] = balances.GetValueOrDefault(party) + cents;
            }
        }

        return balances.ToDictionary(b => b.Key, b => Cents.ToDollars(b.Value));
    }

    /// <summary>One entry's lines on the account with the vendor and job each belongs to, where both are known.</summary>
    private static IEnumerable<((string Vendor, string Customer) Party, long Cents)> Parties(
        IReadOnlyList<JournalPartyRow> lines, string accountId, IReadOnlyDictionary<string, string> jobsByClass)
    {
        string? JobOf(JournalPartyRow l) => l.CustomerId ?? (l.ClassId is { } c && jobsByClass.TryGetValue(c, out var job) ? job : null);
        var vendors = lines.Select(l => l.VendorId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var jobs = lines.Select(JobOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var line in lines.Where(l => l.AccountId == accountId))
        {
            var vendor = line.VendorId ?? (vendors.Count == 1 ? vendors[0] : null);
            var job = JobOf(line) ?? (jobs.Count == 1 ? jobs[0] : null);
            if (vendor is not null && job is not null)
            {
                yield return ((vendor, job), line.Cents);
            }
        }
    }

    private sealed class JournalPartyRow
    {
        public string EntryId { get; init; } = "";
        public string AccountId { get; init; } = "";
        public long Cents { get; init; }
        public string? VendorId { get; init; }
        public string? CustomerId { get; init; }
        public string? ClassId { get; init; }
    }
}
