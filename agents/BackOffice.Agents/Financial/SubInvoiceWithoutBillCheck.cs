using System.Globalization;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Domain.Memory;
using BackOffice.Domain.Money;
using BackOffice.Domain.Project;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Tools.Matching;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Financial;

/// <summary>
/// An approved subcontractor invoice in the project system with no bill in the ledger: the sub is not paid and
/// the job's cost is understated. Proposes the bill (issue 2, "one real path end to end").
/// </summary>
internal static class SubInvoiceWithoutBillCheck
{
    public const string Check = "sub-invoice-without-bill";
    private const string DraftTool = nameof(SubInvoiceBillTools) + "." + nameof(SubInvoiceBillTools.DraftBill);
    private const string FindTool = nameof(SubInvoiceBillTools) + "." + nameof(SubInvoiceBillTools.FindBill);

    /// <summary>Default payment terms when the commitment does not say: net 30 from the invoice date (editable before approval).</summary>
    private const int DefaultTermsDays = 30;

    /// <param name="scope">Issue 18: on the per-vendor path, the vendors whose bills were read; invoices of other resolved
    /// vendors are skipped (their stored findings are kept, <see cref="VendorScope.KeptAsync"/>). Null: every invoice.</param>
    public static CheckResult Run(FinancialData data, IReadOnlyList<MemoryItem>? learnedGl = null, VendorScope? scope = null)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var retainageAccount = Traced("SubInvoiceBillTools.RetainagePayableAccount", () => SubInvoiceBillTools.RetainagePayableAccount(data.Accounts));
        foreach (var invoice in data.SubInvoices.Where(i => i.Status == "approved"))
        {
            var commitment = data.Commitments[invoice.CommitmentId];
            var vendor = data.Vendors[commitment.VendorId];
            var job = data.Jobs[commitment.JobId];
            var key = $"financial:{Check}:{invoice.Id}";
            var sources = new List<SourceRef>
            {
                new("project", "project_sub_invoices", invoice.Id),
                new("project", "project_commitments", commitment.Id),
            };

            var vendorMatch = Traced("CrossSystemMatcher.Match", () => data.MatchVendor(vendor));
            if (!vendorMatch.IsConfident)
            {
                findings.Add(Unresolved(key, invoice, $"cannot tell which ledger vendor is '{vendor.Name}'", vendorMatch, sources));
                continue;
            }

            if (scope is not null && !scope.Contains(vendorMatch.LedgerId!))
            {
                continue;
            }

            sources.Add(new SourceRef("ledger", "ledger_vendors", vendorMatch.LedgerId!));
            if (Traced(FindTool, () => SubInvoiceBillTools.FindBill(invoice, vendorMatch.LedgerId!, data.Bills)) is not null)
            {
                continue;
            }

            var jobMatch = Traced("CrossSystemMatcher.Match", () => data.MatchJob(job));
            if (!jobMatch.IsConfident)
            {
                findings.Add(Unresolved(key, invoice, $"cannot tell which ledger job is '{job.Name}'", jobMatch, sources));
                continue;
            }

            sources.Add(new SourceRef("ledger", "ledger_customers", jobMatch.LedgerId!));
            var (accounts, remembered) = LearnedGl.AccountsFor(vendorMatch.LedgerId!, invoice, data, learnedGl ?? []);
            var result = Traced(DraftTool, () => SubInvoiceBillTools.DraftBill(invoice, jobMatch.LedgerId!, accounts, retainageAccount));
            if (result.Draft is not { } draft)
            {
                findings.Add(new Finding(key, "financial", Check, Severity.Warning,
                    $"Sub invoice {invoice.Number} has no bill, and one cannot be drafted",
                    [Figure.Usd("gross", invoice.Amount, FindTool, [.. sources])],
                    $"Subcontractor invoice {invoice.Number} from {vendor.Name} is approved but has no bill in the ledger. " +
                    "It cannot be drafted until this is fixed: " + string.Join("; ", result.Problems) + "."));
                continue;
            }

            var ledgerVendor = data.LedgerVendors[vendorMatch.LedgerId!];
            var ledgerJob = data.LedgerCustomers[jobMatch.LedgerId!];
            var figures = Figures(invoice, commitment, draft, sources);
            var narrative = Narrative(invoice, vendor, ledgerVendor.Name, ledgerJob.FullyQualifiedName, commitment, draft) + remembered;
            findings.Add(new Finding(key, "financial", Check, Severity.Warning,
                $"Approved sub invoice {invoice.Number} ({vendor.Name}) has no bill", figures, narrative));
            proposals.Add(Proposal(invoice, ledgerVendor.Id, ledgerVendor.Name, commitment, draft, figures, narrative, key));
        }

        return CheckResult.Of(findings, proposals);
    }

    private static T Traced<T>(string tool, Func<T> call)
    {
        using var activity = BackOfficeTelemetry.ToolCall(tool);
        return call();
    }

    private static Finding Unresolved(string key, SubInvoice invoice, string what, EntityMatch match, List<SourceRef> sources) =>
        new(key, "financial", Check, Severity.Warning, $"Sub invoice {invoice.Number}: {what}",
            [Figure.Usd("gross", invoice.Amount, nameof(CrossSystemMatcher), [.. sources])],
            $"Subcontractor invoice {invoice.Number} is approved, but the back office {what} " +
            (match.Candidates.Count > 0 ? $"(candidates: {string.Join(", ", match.Candidates)}). " : "(no candidate). ") +
            "Link the two records in mappings/links.csv so the check can continue.");

    private static List<Figure> Figures(SubInvoice invoice, Commitment commitment, SubInvoiceBillDraft draft, List<SourceRef> sources) =>
    [
        Figure.Usd("gross", draft.Gross, DraftTool, [.. sources]),
        Figure.Usd("retainage", draft.Retainage, DraftTool, [.. sources]),
        Figure.Percent("retainage_percent", commitment.RetainagePercent, DraftTool, sources[1]),
        Figure.Usd("net_payable", draft.NetPayable, DraftTool, [.. sources]),
        Figure.Date("invoice_date", invoice.InvoiceDate, DraftTool, sources[0]),
    ];

    private static string Narrative(
        SubInvoice invoice, ProjectVendor vendor, string ledgerVendor, string ledgerJob, Commitment commitment, SubInvoiceBillDraft draft) =>
        $"Subcontractor invoice {invoice.Number} from {vendor.Name} on commitment {commitment.Number} was approved in the project " +
        $"system ({invoice.InvoiceDate:yyyy-MM-dd}) for {MoneyText.Usd(draft.Gross)}, with {MoneyText.Usd(draft.Retainage)} retainage held, " +
        $"but the ledger has no bill for it. Proposed: a bill to {ledgerVendor} for {MoneyText.Usd(draft.NetPayable)} charged to {ledgerJob}, " +
        "with the retainage moved to Retainage Payable.";

    private static ProposalDraft Proposal(
        SubInvoice invoice, string ledgerVendorId, string ledgerVendorName, Commitment commitment, SubInvoiceBillDraft draft,
        IReadOnlyList<Figure> figures, string narrative, string findingKey)
    {
        var payload = ActionPayloadJson.ToJson(new CreateBillPayload(
            ledgerVendorId, ledgerVendorName, invoice.InvoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            invoice.InvoiceDate.AddDays(DefaultTermsDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invoice.Number,
            $"Sub invoice {invoice.Number} on commitment {commitment.Number}",
            [.. draft.Lines.Select(l => new CreateBillLine(l.AccountId, l.CustomerId, l.CostCode, l.Description, MoneyText.Plain(l.Amount)))]));
        return new ProposalDraft(
            "financial", CreateBillPayload.Kind, $"Draft bill {invoice.Number} to {ledgerVendorName} for {MoneyText.Usd(draft.NetPayable)}",
            RiskClass.Money, ProposalKeys.For("fin-bill-", payload), payload, figures, narrative, ["due_date", "memo", "lines"], FindingKey: findingKey);
    }
}
