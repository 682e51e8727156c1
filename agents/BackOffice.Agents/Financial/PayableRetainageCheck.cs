using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Money;
using BackOffice.Domain.Project;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Reconciliation;
using BackOffice.Tools.Retainage;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Retainage payable against each subcontract's terms (issue 16): its flat retainage percent, or the tiered schedule
/// configured for it (`Agents:financial:RetainageSchedules`). Each approved or paid sub invoice whose retainage is off the
/// terms is a finding. When every such invoice has its ledger bill, the ledger's retainage payable for the subcontractor
/// on the job (the bills' Retainage Payable lines plus true-up journal entries of that vendor and job) is compared with
/// what the terms hold, and a difference is proposed as `ledger.retainage-entry` on the payable side. An invoice
/// without its bill is left to the drafted bill (SubInvoiceWithoutBillCheck), which brings its retainage with it.
/// </summary>
internal static class PayableRetainageCheck
{
    private const string Tool = nameof(RetainageTermsTools) + "." + nameof(RetainageTermsTools.Check);

    /// <summary>What the ledger side of the comparison needs, read once per sweep.</summary>
    private sealed record PayableLedger(
        string? PayableAccount, string? ApAccount, IReadOnlyDictionary<(string Vendor, string Customer), decimal> Journal,
        IReadOnlyDictionary<string, string> VendorMap, ILookup<string, LedgerBill> BillsByVendor);

    public static async Task<CheckResult> RunAsync(
        FinancialAnalysis analysis, TenantData tenant, FinancialOptions options, ILedgerClassJobs? classJobs, CancellationToken cancellationToken)
    {
        var data = analysis.Data;
        var payable = SubInvoiceBillTools.RetainagePayableAccount(data.Accounts);
        var jobsByClass = payable is null || classJobs is null ? new Dictionary<string, string>() : await classJobs.JobsByClassAsync(tenant, cancellationToken);
        var journal = payable is null ? new Dictionary<(string, string), decimal>()
            : await tenant.LedgerFinancials.JournalCreditBalancesByVendorAndCustomerAsync(payable, analysis.AsOf, jobsByClass, cancellationToken);
        var ledger = new PayableLedger(payable, data.Accounts.FirstOrDefault(a => a.Active && a.Type == "Accounts Payable")?.Id, journal,
            data.VendorMap(), data.Bills.ToLookup(b => b.VendorId));
        var committed = CommittedCostTools.ByCommitment(CommittedCostTools.Committed(
            [.. data.Commitments.Values], data.Books.CommitmentLines, data.Books.ChangeOrders, analysis.AsOf));
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var invoices = data.SubInvoices.Where(i => i.Status is "approved" or "paid" && i.InvoiceDate <= analysis.AsOf);
        foreach (var group in invoices.GroupBy(i => i.CommitmentId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!data.Commitments.TryGetValue(group.Key, out var commitment) || committed.GetValueOrDefault(commitment.Id) <= 0m)
            {
                continue;
            }

            var ordered = group.OrderBy(i => i.InvoiceDate).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            var (schedule, label) = Schedule(options, commitment);
            var terms = Traced(Tool, () => RetainageTermsTools.Check(committed[commitment.Id], schedule, ordered));
            findings.AddRange(terms.Invoices.Where(c => c.Difference != 0m).Select(c => OffTerms(commitment, c, label)));
            if (TrueUp(analysis, ledger, commitment, ordered, terms, label) is { } proposal)
            {
                proposals.Add(proposal);
            }
        }

        return CheckResult.Of(findings, proposals);
    }

    /// <summary>The true-up of the ledger's retainage payable to the terms, or null when they agree or cannot be compared yet.</summary>
    private static ProposalDraft? TrueUp(
        FinancialAnalysis analysis, PayableLedger ledger, Commitment commitment, IReadOnlyList<SubInvoice> invoices, CommitmentRetainageTerms terms, string label)
    {
        if (ledger.PayableAccount is not { } payable || ledger.ApAccount is not { } apAccount || !ledger.VendorMap.TryGetValue(commitment.VendorId, out var vendor)
            || !analysis.JobMap.TryGetValue(commitment.JobId, out var customer))
        {
            return null;
        }

        var bills = invoices.Select(i => SubInvoiceBillTools.FindBill(i, vendor, [.. ledger.BillsByVendor[vendor]])).ToList();
        if (bills.Any(b => b is null))
        {
            return null;
        }

        var ledgerHeld = bills.Sum(b => SubInvoiceBillTools.RetainageOnBill(b!, payable)) + ledger.Journal.GetValueOrDefault((vendor, customer));
        if (ledgerHeld == terms.HeldByTerms)
        {
            return null;
        }

        var payload = new RetainageEntryPayload(Date(analysis.AsOf), null, "payable", commitment.JobId, customer,
            MoneyText.Plain(terms.HeldByTerms), MoneyText.Plain(ledgerHeld), payable, apAccount, vendor);
        return Proposal(commitment, payload with { Memo = RetainageEntryPayload.MemoFor("payable", $"{commitment.JobId} {commitment.Number}", payload.Movement) }, label);
    }

    /// <summary>The configured schedule for the commitment (by id or number), else its own flat percent; and how the narrative names it.</summary>
    private static (RetainageSchedule Schedule, string Label) Schedule(FinancialOptions options, Commitment commitment)
    {
        if (options.RetainageSchedules.FirstOrDefault(r => r.Commitment == commitment.Id || r.Commitment == commitment.Number) is { } configured)
        {
            var tiers = configured.Tiers.Select(t => t.UpToPercentComplete is { } up ? $"{t.Percent:0.##}% to {up:0.##}% complete" : $"then {t.Percent:0.##}%");
            return (configured.ToSchedule(), $"{string.Join(", ", tiers)} ({configured.Reading})");
        }

        return (RetainageSchedule.Flat(commitment.RetainagePercent), $"{commitment.RetainagePercent:0.##}% flat");
    }

    private static Finding OffTerms(Commitment commitment, SubInvoiceRetainageCheck check, string label)
    {
        var source = new SourceRef("project", "project_sub_invoices", check.InvoiceId);
        var figures = new List<Figure>
        {
            Figure.Usd("completed_before", check.CompletedBefore, Tool, source),
            Figure.Usd("completed_to_date", check.CompletedToDate, Tool, source),
            Figure.Usd("retainage_expected", check.Expected, Tool, new SourceRef("project", "project_commitments", commitment.Id)),
            Figure.Usd("retainage_held", check.Held, "SubInvoice.Retainage", source),
            Figure.Usd("difference", check.Difference, Tool, source),
        };
        var narrative = $"Sub invoice {check.Number} on {commitment.Number} brings the subcontract from {MoneyText.Usd(check.CompletedBefore)} to " +
                        $"{MoneyText.Usd(check.CompletedToDate)} billed; its terms ({label}) hold {MoneyText.Usd(check.Expected)} of retainage on it, " +
                        $"the invoice holds {MoneyText.Usd(check.Held)}.";
        return new Finding($"financial:retainage-terms:{check.InvoiceId}", "financial", "retainage-off-terms", Severity.Warning,
            $"{check.Number} holds {MoneyText.Usd(check.Held)} of retainage; {commitment.Number}'s terms hold {MoneyText.Usd(check.Expected)}", figures, narrative);
    }

    private static ProposalDraft Proposal(Commitment commitment, RetainageEntryPayload payload, string label)
    {
        var amount = Math.Abs(payload.Difference);
        var (terms, ledger) = (decimal.Parse(payload.ProjectHeld, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(payload.LedgerHeld, System.Globalization.CultureInfo.InvariantCulture));
        var figures = new List<Figure>
        {
            Figure.Usd("terms_retainage_held", terms, Tool, new SourceRef("project", "project_commitments", commitment.Id)),
            Figure.Usd("ledger_retainage_held", ledger, "PayableRetainageCheck", new SourceRef("ledger", "ledger_vendors", payload.VendorId!)),
            Figure.Usd("retainage_entry", amount, "RetainageEntries.TrueUp"),
        };
        var narrative = $"{commitment.Number}'s terms ({label}) hold {MoneyText.Usd(terms)} of retainage on its invoices and the ledger holds {MoneyText.Usd(ledger)}. " +
                        (payload.Movement == "hold"
                            ? $"Proposed: debit accounts payable and credit retainage payable {MoneyText.Usd(amount)}."
                            : $"Proposed: debit retainage payable and credit accounts payable {MoneyText.Usd(amount)}.");
        var key = ProposalKeys.For("fin-rtp-", new JsonObject { ["commitment"] = commitment.Id, ["terms"] = payload.ProjectHeld, ["ledger"] = payload.LedgerHeld });
        return new ProposalDraft("financial", RetainageEntryPayload.Kind,
            $"{(payload.Movement == "hold" ? "Hold" : "Release")} {MoneyText.Usd(amount)} of retainage payable on {commitment.Number}", RiskClass.Money, key,
            ActionPayloadJson.ToJson(payload), figures, narrative, ["txn_date", "memo"]);
    }
}
