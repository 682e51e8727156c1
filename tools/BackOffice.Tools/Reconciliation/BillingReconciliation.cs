using BackOffice.Domain.Financial;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Reconciliation;

/// <summary>Owner pay applications vs ledger invoices, and retainage receivable on both sides (issue 3).</summary>
public static class BillingReconciliation
{
    /// <summary>Pay apps that went to the owner; drafts are not billings yet.</summary>
    private static readonly HashSet<string> Billed = new(StringComparer.Ordinal) { "submitted", "approved", "paid" };

    /// <summary>An invoice for a pay app is dated from a week before its period end to 45 days after (evidence by date).</summary>
    private const int DaysBefore = 7;
    private const int DaysAfter = 45;

    [System.ComponentModel.Description("Owner pay applications against ledger invoices: a pay application with no invoice, an invoice of another amount, and retainage that differs (issue 3; public for the retainage true-up of issue 16).")]
    public static IEnumerable<WorklistItem> Check(
        [System.ComponentModel.Description("The books on both sides as of the date")] ReconciliationInput input,
        [System.ComponentModel.Description("How far two amounts may differ and still agree")] Tolerance tolerance)
    {
        var items = new List<WorklistItem>();
        var invoicesByJob = input.Invoices.Where(i => i.TxnDate <= input.AsOf).ToLookup(i => i.CustomerId);
        foreach (var job in input.PayApps.Where(p => Billed.Contains(p.Status) && p.PeriodEnd <= input.AsOf).GroupBy(p => p.JobId))
        {
            if (!input.JobMap.TryGetValue(job.Key, out var customer))
            {
                continue;
            }

            var invoices = invoicesByJob[customer].ToList();
            var matched = new List<LedgerInvoice>();
            foreach (var payApp in job.OrderBy(p => p.PeriodEnd))
            {
                var invoice = Match(payApp, invoices, matched, tolerance, items);
                if (invoice is not null)
                {
                    matched.Add(invoice);
                }
            }

            if (matched.Count == job.Count())
            {
                items.AddRange(Retainage(job.MaxBy(p => p.PeriodEnd)!, matched, tolerance));
            }
        }

        return items;
    }

    /// <summary>An invoice within tolerance of the amount due wins; else the nearest-dated candidate is a difference; else none.</summary>
    private static LedgerInvoice? Match(PayApp payApp, List<LedgerInvoice> invoices, List<LedgerInvoice> taken, Tolerance tolerance, List<WorklistItem> items)
    {
        var window = invoices.Where(i => !taken.Contains(i)
            && i.TxnDate >= payApp.PeriodEnd.AddDays(-DaysBefore) && i.TxnDate <= payApp.PeriodEnd.AddDays(DaysAfter)).ToList();
        var agreeing = window.Where(i => tolerance.Within(payApp.AmountDue, i.Total)).MinBy(i => Math.Abs(i.Total - payApp.AmountDue));
        if (agreeing is not null)
        {
            return agreeing;
        }

        var records = new List<RecordRef> { new("project", "project_pay_apps", payApp.Id) };
        var nearest = window.MinBy(i => Math.Abs(i.TxnDate.DayNumber - payApp.PeriodEnd.DayNumber));
        if (nearest is null)
        {
            items.Add(new WorklistItem(WorklistCategory.PayAppNotInvoiced, payApp.Id, payApp.JobId, payApp.AmountDue, null,
                $"pay application #{payApp.Number} (period to {payApp.PeriodEnd:yyyy-MM-dd}) has no invoice in the ledger", records));
            return null;
        }

        records.Add(new RecordRef("ledger", "ledger_invoices", nearest.Id));
        items.Add(new WorklistItem(WorklistCategory.PayAppAmountDiffers, payApp.Id, payApp.JobId, payApp.AmountDue, nearest.Total,
            $"pay application #{payApp.Number} is due {payApp.AmountDue:0.00}; invoice {nearest.DocNumber} is {nearest.Total:0.00}", records));
        return nearest;
    }

    private static IEnumerable<WorklistItem> Retainage(PayApp latest, List<LedgerInvoice> matched, Tolerance tolerance)
    {
        var ledger = matched.Sum(i => i.Retainage);
        if (tolerance.Within(latest.RetainageHeldToDate, ledger))
        {
            yield break;
        }

        var records = new List<RecordRef> { new("project", "project_pay_apps", latest.Id) };
        records.AddRange(matched.Select(i => new RecordRef("ledger", "ledger_invoices", i.Id)));
        yield return new WorklistItem(WorklistCategory.RetainageCarriedDifferently, latest.JobId, latest.JobId, latest.RetainageHeldToDate, ledger,
            $"pay application #{latest.Number} holds {latest.RetainageHeldToDate:0.00} retainage to date; the ledger's invoices withhold {ledger:0.00}", records);
    }
}
