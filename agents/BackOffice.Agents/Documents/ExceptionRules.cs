using System.Globalization;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>Why a payable document cannot become a drafted bill: the reasons the A/P exception queue shows (issue 6).</summary>
internal static class ExceptionRules
{
    public static IReadOnlyList<string> Reasons(DocumentAnalysis a)
    {
        if (a.Document.Text is null)
        {
            return ["unreadable: " + a.Document.Unreadable];
        }

        if (!a.IsPayable || a.Bill is null)
        {
            return [];
        }

        var reasons = new List<string>();
        reasons.AddRange(a.Arithmetic!.Issues.Select(i =>
            $"amounts don't tie: {i.Rule}: computed {Plain(i.Computed)}, stated {Plain(i.Stated)}"));
        reasons.AddRange(a.Arithmetic.Missing.Select(m => "incomplete: " + m));
        if (a.Bill.InvoiceDate is null)
        {
            reasons.Add("incomplete: no invoice date");
        }

        reasons.AddRange(a.Duplicates.Select(d => d.Basis == DuplicateBasis.SameNumber
            ? $"duplicate: same vendor and invoice number as {d.Existing.Source} {d.Existing.Id}"
            : $"possible duplicate: same vendor and amount as {d.Existing.Source} {d.Existing.Id} ({d.Existing.InvoiceNumber}) dated within the window"));
        if (a.LedgerVendor is null)
        {
            reasons.Add($"vendor unknown: '{a.Bill.Vendor ?? "(none found)"}' is not a ledger vendor");
        }

        if (a.Bill.PoReference is null)
        {
            reasons.Add("no PO: the bill names no purchase order or commitment");
        }
        else if (a.Order is null)
        {
            reasons.Add($"no PO: '{a.Bill.PoReference}' is not an open purchase order or commitment");
        }
        else
        {
            reasons.AddRange(a.Order.Result.Problems.Where(p => a.Order.Result.ThreeWay || !p.StartsWith("no receipt", StringComparison.Ordinal))
                .Select(p => "does not match the order: " + p));
        }

        if (a.CoveredBy is null)
        {
            if (a.LedgerJobId is null)
            {
                reasons.Add("job unknown: the bill cannot be charged to a ledger job");
            }

            if (a.AccountId is null)
            {
                reasons.Add(a.CostCode is null
                    ? "GL account unknown: no cost code on the bill or a single-cost-code commitment"
                    : $"GL account unknown: cost code {a.CostCode} has no mapping");
            }
        }

        return reasons;
    }

    private static string Plain(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}
