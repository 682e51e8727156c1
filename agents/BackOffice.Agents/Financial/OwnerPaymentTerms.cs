using BackOffice.Domain.Financial;

namespace BackOffice.Agents.Financial;

/// <summary>
/// The terms of an owner's pay application (issue 17): when it is due and what retainage it withholds. One place for
/// each, so the customer's own payment terms (from QuickBooks, another engineer's work) replace the configured default
/// here and nowhere else.
/// </summary>
public static class OwnerPaymentTerms
{
    /// <summary>Days from a pay application to its payment for this ledger customer: today the configured default.</summary>
    public static int DueDays(FinancialOptions options, string? ledgerCustomerId) => options.OwnerPaymentDays;

    /// <summary>
    /// The retainage percent a job's next pay application withholds: the rate of its latest pay application on or before
    /// the date, else the job's contract rate; null when neither states one.
    /// </summary>
    public static decimal? RetainagePercent(string jobId, IReadOnlyList<PayApp> payApps, IReadOnlyList<PayAppRetainageTerms> terms, DateOnly asOf)
    {
        var byPayApp = terms.ToDictionary(t => t.PayAppId, StringComparer.Ordinal);
        var latest = payApps.Where(p => p.JobId == jobId && p.PeriodEnd <= asOf).OrderBy(p => p.PeriodEnd).ThenBy(p => p.Id, StringComparer.Ordinal).LastOrDefault();
        return (latest is not null && byPayApp.TryGetValue(latest.Id, out var t) ? t.WorkPercent : null)
               ?? terms.FirstOrDefault(t => t.JobId == jobId && t.ContractPercent is not null)?.ContractPercent;
    }
}
