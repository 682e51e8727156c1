using BackOffice.Domain.Financial;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Reconciliation;

/// <summary>Ledger cost on closed jobs or on the wrong account for its cost code; vendor bills entered twice (issue 3).</summary>
internal static class CostReconciliation
{
    public static IEnumerable<WorklistItem> Check(ReconciliationInput input) =>
        ClosedJobs(input).Concat(Miscoded(input)).Concat(DuplicateBills(input));

    /// <summary>Cost dated after a closed job's substantial completion (all of it when the date is unknown), or on an inactive ledger job.</summary>
    private static IEnumerable<WorklistItem> ClosedJobs(ReconciliationInput input)
    {
        var closedSince = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var job in input.Jobs.Where(j => j.Status == "closed" && input.JobMap.ContainsKey(j.JobId)))
        {
            closedSince[input.JobMap[job.JobId]] = job.CompletionDate ?? DateOnly.MinValue;
        }

        foreach (var customer in input.Customers.Where(c => !c.Active && !closedSince.ContainsKey(c.Id)))
        {
            closedSince[customer.Id] = DateOnly.MinValue;
        }

        return input.Postings
            .Where(p => p.TxnDate <= input.AsOf && p.CustomerId is not null && closedSince.TryGetValue(p.CustomerId, out var since) && p.TxnDate > since)
            .Select(p => new WorklistItem(WorklistCategory.CostOnClosedJob, p.SourceId, input.ProjectJobOf(p.CustomerId), null, p.Amount,
                $"{p.Amount:0.00} posted {p.TxnDate:yyyy-MM-dd} to a job that is closed", [new RecordRef("ledger", p.SourceTable, p.SourceId)]));
    }

    private static IEnumerable<WorklistItem> Miscoded(ReconciliationInput input) =>
        input.Postings
            .Where(p => p.TxnDate <= input.AsOf && p.CostCode is not null && !input.Reclassed.Contains(p.SourceId)
                && input.CostCodeAccounts.TryGetValue(p.CostCode, out var expected) && expected != p.AccountId)
            .Select(p => new WorklistItem(WorklistCategory.CostCodeAccountMismatch, p.SourceId, input.ProjectJobOf(p.CustomerId), null, p.Amount,
                $"cost code {p.CostCode} maps to {input.CostCodeAccounts[p.CostCode!]} but {p.Amount:0.00} is posted to {p.AccountId}",
                [new RecordRef("ledger", p.SourceTable, p.SourceId)]));

    /// <summary>
    /// Same vendor and the same document number (compared without case, spaces, dashes or leading zeros); without a
    /// number, same vendor, total and date. The earliest entry is the original; each later one is an item.
    /// </summary>
    private static IEnumerable<WorklistItem> DuplicateBills(ReconciliationInput input)
    {
        var groups = input.Bills.Where(b => b.TxnDate <= input.AsOf).GroupBy(b => (b.VendorId, Key: NameNormalizer.DocumentNumber(b.DocNumber) is { Length: > 0 } n
            ? "#" + n
            : $"{b.Total:0.00}@{b.TxnDate:yyyy-MM-dd}"));
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(b => b.TxnDate).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
            foreach (var copy in ordered.Skip(1))
            {
                var job = copy.Lines.Select(l => l.CustomerId).FirstOrDefault(c => c is not null);
                yield return new WorklistItem(WorklistCategory.DuplicateBill, copy.Id, input.ProjectJobOf(job), null, copy.Total,
                    $"bill {copy.DocNumber ?? copy.Id} repeats bill {ordered[0].Id} of the same vendor",
                    [new RecordRef("ledger", "ledger_bills", ordered[0].Id), new RecordRef("ledger", "ledger_bills", copy.Id)]);
            }
        }
    }
}
