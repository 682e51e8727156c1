using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Financial;

/// <summary>
/// The terms of an owner's pay application (issue 17): when it is due and what retainage it withholds. The due date is
/// the one a proposed owner invoice gets (issue 16): the customer's own payment term, else
/// <see cref="FinancialOptions.OwnerInvoiceDueDays"/>, so the forecast and the invoice never disagree.
/// </summary>
public static class OwnerPaymentTerms
{
    /// <summary>When a pay application billed on <paramref name="billedOn"/> to this ledger customer is due.</summary>
    public static DateOnly DueDate(
        DateOnly billedOn, IReadOnlyDictionary<string, PaymentTerm> customerTerms, FinancialOptions options, string? ledgerCustomerId) =>
        PaymentTermsTools.DueDate(billedOn, ledgerCustomerId is null ? null : customerTerms.GetValueOrDefault(ledgerCustomerId), options.OwnerInvoiceDueDays);

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
