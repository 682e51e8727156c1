using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Matching;
using BackOffice.Tools.Reconciliation;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Retainage receivable in the ledger against the project side (issue 16). Per job, the project holds the latest pay
/// application's retainage held to date (as of the sweep date); the ledger holds the retainage withheld on the job's
/// invoices, less release invoices billed, plus journal entries on the retainage receivable account. When they differ,
/// the Financial agent proposes the holding (Dr retainage receivable, Cr A/R) or releasing (the reverse) entry for the
/// difference. The key holds both figures, not the date: a re-sweep of unchanged books proposes nothing new, and after
/// execution the two agree.
/// </summary>
internal static class RetainageEntryCheck
{
    public static async Task<CheckResult> RunAsync(FinancialAnalysis analysis, BackOffice.Store.Tenancy.TenantData tenant, CancellationToken cancellationToken)
    {
        var data = analysis.Data;
        var retainageAccount = data.Accounts.FirstOrDefault(a => a.Active && NameNormalizer.Normalize(a.Name) is "retainage receivable" or "retention receivable");
        var tradeAccount = data.Accounts.FirstOrDefault(a => a.Active && a.Type == "Accounts Receivable" && a.Id != retainageAccount?.Id);
        if (retainageAccount is null || tradeAccount is null)
        {
            return CheckResult.Of([]);
        }

        var journalDebits = await tenant.LedgerFinancials.JournalDebitBalancesByCustomerAsync(retainageAccount.Id, analysis.AsOf, cancellationToken);
        // A pay application without its invoice (or with an invoice of another amount) is the owner invoice's business:
        // its retainage comes with the invoice, so a true-up now would hold it twice.
        var uninvoiced = BillingReconciliation.Check(analysis.ReconciliationInput(), Tolerance.Default)
            .Where(i => i.Category is WorklistCategory.PayAppNotInvoiced or WorklistCategory.PayAppAmountDiffers).Select(i => i.JobId).ToHashSet(StringComparer.Ordinal);
        var proposals = new List<ProposalDraft>();
        foreach (var job in data.Books.PayApps.Where(p => p.PeriodEnd <= analysis.AsOf).GroupBy(p => p.JobId))
        {
            if (uninvoiced.Contains(job.Key) || !analysis.JobMap.TryGetValue(job.Key, out var customer))
            {
                continue;
            }

            var projectHeld = job.OrderBy(p => p.PeriodEnd).Last().RetainageHeldToDate;
            var invoices = data.Books.Invoices.Where(i => i.CustomerId == customer && i.TxnDate <= analysis.AsOf).ToList();
            var ledgerHeld = invoices.Sum(i => i.Retainage) - invoices.Sum(i => i.RetainageReleased) + journalDebits.GetValueOrDefault(customer);
            if (projectHeld != ledgerHeld)
            {
                proposals.Add(Proposal(job.Key, customer, projectHeld, ledgerHeld, retainageAccount.Id, tradeAccount.Id, analysis.AsOf));
            }
        }

        return CheckResult.Of([], proposals);
    }

    private static ProposalDraft Proposal(string jobId, string customer, decimal projectHeld, decimal ledgerHeld, string retainageAccount, string tradeAccount, DateOnly asOf)
    {
        var movement = projectHeld > ledgerHeld ? "hold" : "release";
        var amount = Math.Abs(projectHeld - ledgerHeld);
        var payload = new RetainageEntryPayload(Date(asOf), RetainageEntryPayload.MemoFor("receivable", jobId, movement), "receivable", jobId, customer,
            MoneyText.Plain(projectHeld), MoneyText.Plain(ledgerHeld), retainageAccount, tradeAccount);
        var figures = new List<Figure>
        {
            Figure.Usd("project_retainage_held", projectHeld, "PayApp.RetainageHeldToDate", new SourceRef("project", "project_pay_apps", jobId)),
            Figure.Usd("ledger_retainage_held", ledgerHeld, "RetainageEntryCheck", new SourceRef("ledger", "ledger_customers", customer)),
            Figure.Usd("retainage_entry", amount, "RetainageEntries.TrueUp"),
        };
        var narrative = $"The project side holds {MoneyText.Usd(projectHeld)} of retainage receivable on this job and the ledger {MoneyText.Usd(ledgerHeld)}. " +
                        (movement == "hold"
                            ? $"Proposed: debit retainage receivable and credit accounts receivable {MoneyText.Usd(amount)}."
                            : $"Proposed: debit accounts receivable and credit retainage receivable {MoneyText.Usd(amount)}.");
        var key = ProposalKeys.For("fin-rt-", new JsonObject { ["job"] = jobId, ["project"] = MoneyText.Plain(projectHeld), ["ledger"] = MoneyText.Plain(ledgerHeld) });
        return new ProposalDraft("financial", RetainageEntryPayload.Kind,
            $"{(movement == "hold" ? "Hold" : "Release")} {MoneyText.Usd(amount)} of retainage receivable on {jobId}", RiskClass.Money, key,
            ActionPayloadJson.ToJson(payload), figures, narrative, ["txn_date", "memo"]);
    }
}
