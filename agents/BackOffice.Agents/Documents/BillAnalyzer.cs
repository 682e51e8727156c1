using System.Text.RegularExpressions;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Tools.Documents;
using BackOffice.Tools.Matching;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Documents;

/// <summary>A payable document (vendor bill or sub pay application): extract, check, match, resolve job and GL account.</summary>
internal static partial class BillAnalyzer
{
    public static DocumentAnalysis Analyze(DocumentAnalysis analysis, DocumentsData data, DocumentsOptions options)
    {
        var text = analysis.Document.Text!;
        var bill = Traced("BillExtractor.Extract", () => BillExtractor.Extract(text, data.KnownVendorNames));
        var arithmetic = Traced("BillArithmetic.Check", () => BillArithmetic.Check(bill));
        var ledgerVendor = data.LedgerVendor(bill.Vendor);
        var projectVendor = data.ProjectVendor(bill.Vendor);
        analysis = analysis with { Bill = bill, Arithmetic = arithmetic, LedgerVendor = ledgerVendor, ProjectVendor = projectVendor };
        var order = MatchOrder(analysis, data, options);
        var job = order?.Commitment is { } c ? data.Jobs.FirstOrDefault(j => j.Id == c.JobId) : null;
        job ??= order?.LedgerCustomerId is { } customer ? data.ProjectJobForLedger(customer) : null;
        job ??= Traced("DocumentRouter.Job", () => DocumentRouter.Job(text, bill.Job, data.Jobs));
        var ledgerJob = order?.LedgerCustomerId ?? (job is null ? null : data.LedgerJobId(job));
        var costCode = CostCodeLabel().Match(text) is { Success: true } m ? m.Groups["v"].Value
            : order?.Commitment is { } oc && data.CommitmentTotals.TryGetValue(oc.Id, out var total) && total.CostCodes.Count == 1 ? total.CostCodes[0] : null;
        var covered = order?.Commitment is { } cm
            ? data.SubInvoices.FirstOrDefault(s => s.CommitmentId == cm.Id && s.Status == "approved"
                && NameNormalizer.DocumentNumber(s.Number) == NameNormalizer.DocumentNumber(bill.InvoiceNumber))
            : null;
        return analysis with
        {
            Order = order,
            Job = job,
            LedgerJobId = ledgerJob,
            CostCode = costCode,
            AccountId = costCode is null ? null : data.CostCodeAccounts.GetValueOrDefault(costCode),
            CoveredBy = covered,
        };
    }

    private static OrderMatch? MatchOrder(DocumentAnalysis analysis, DocumentsData data, DocumentsOptions options)
    {
        var reference = NameNormalizer.DocumentNumber(analysis.Bill!.PoReference);
        if (reference.Length == 0 || analysis.Gross is not { } gross)
        {
            return null;
        }

        var commitment = data.Commitments.FirstOrDefault(c => NameNormalizer.DocumentNumber(c.Number) == reference);
        var po = data.PurchaseOrders.FirstOrDefault(p => NameNormalizer.DocumentNumber(p.DocNumber) == reference
            && (analysis.LedgerVendor is null || p.VendorId == analysis.LedgerVendor.Id));
        if (commitment is null && po is null)
        {
            return null;
        }

        var number = NameNormalizer.DocumentNumber(analysis.Bill.InvoiceNumber);
        var orderAmount = commitment is not null && data.CommitmentTotals.TryGetValue(commitment.Id, out var t) ? t.Amount : po?.Total ?? 0m;
        var subInvoiced = commitment is null ? 0m : data.SubInvoices
            .Where(s => s.CommitmentId == commitment.Id && s.Status == "approved" && NameNormalizer.DocumentNumber(s.Number) != number)
            .Sum(s => s.Amount);
        var poText = commitment?.Number ?? po!.DocNumber!;
        var ledgerBilled = data.BillMemos
            .Where(m => (analysis.LedgerVendor is null || m.VendorId == analysis.LedgerVendor.Id) && m.Memo is not null
                && m.Memo.Contains(poText, StringComparison.OrdinalIgnoreCase))
            .Join(data.Bills, m => m.BillId, b => b.Id, (_, b) => b)
            .Where(b => NameNormalizer.DocumentNumber(b.DocNumber) != number)
            .Sum(b => b.Total);
        // The project side (sub invoices) and the ledger (bills naming the PO) record the same billings: take the larger, never both.
        var leg = new OrderLeg(poText, orderAmount, Math.Max(subInvoiced, ledgerBilled));
        var progress = commitment is null ? null : data.SubInvoices.FirstOrDefault(s => s.CommitmentId == commitment.Id
            && s.Status == "approved" && NameNormalizer.DocumentNumber(s.Number) == number);
        var receipt = progress is null ? null : new ReceiptLeg($"sub invoice {progress.Number}", progress.Amount);
        var result = Traced("ThreeWayMatch.Match", () => ThreeWayMatch.Match(
            gross, leg, receipt, options.AmountTolerance, [], Tolerance.Exact, Tolerance.Exact));
        return new OrderMatch(commitment, po?.Id, po?.CustomerId, leg, receipt, result);
    }

    public static string? RetainageAccount(DocumentsData data) =>
        Traced("SubInvoiceBillTools.RetainagePayableAccount", () => SubInvoiceBillTools.RetainagePayableAccount(data.Accounts));

    public static T Traced<T>(string tool, Func<T> call)
    {
        using var activity = BackOfficeTelemetry.ToolCall(tool);
        return call();
    }

    [GeneratedRegex(@"cost\s+code\s*:?\s*(?<v>\d{2}-\d{3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CostCodeLabel();
}
