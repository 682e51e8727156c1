using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Documents;

/// <summary>
/// Reads a bill's fields from its text by labels ("Invoice #:", "Due date", "Subtotal") and line shapes
/// (issue 6). A field that is not found stays null: nothing is inferred from the arithmetic, which
/// <see cref="BillArithmetic"/> checks separately so a wrong total is reported, never repaired.
/// </summary>
public static partial class BillExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;

    [Description("Extract a vendor bill's fields (vendor, invoice number, dates, PO/commitment, job, lines, subtotal, tax, total, retainage) from its text.")]
    public static ExtractedBill Extract(
        [Description("The document's text")] string text,
        [Description("Vendor names the tenant knows (ledger and project); the earliest one named in the text is the vendor")] IReadOnlyList<string> knownVendors)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var invoiceDate = LabeledDate(text, InvoiceDateLabel());
        var due = LabeledDate(text, DueDateLabel()) ?? DueFromTerms(text, invoiceDate);
        var retainage = LabeledAmount(lines, RetainageLabel());
        return new ExtractedBill(
            Vendor(text, knownVendors),
            Label(text, InvoiceNumberLabel()),
            invoiceDate,
            due,
            Label(text, PoLabel()) ?? Label(text, PoInline()),
            Label(text, JobLabel()),
            BillLineParser.Lines(lines),
            LabeledAmount(lines, SubtotalLabel()),
            LabeledAmount(lines, TaxLabel()),
            LabeledAmount(lines, TotalLabel()),
            retainage is { } r ? Math.Abs(r) : null,
            LabeledAmount(lines, AmountDueLabel()));
    }

    /// <summary>The known vendor named earliest in the text (letterheads come first); else a "Vendor:"/"Remit to:" label; else null.</summary>
    public static string? Vendor(string text, IReadOnlyList<string> knownVendors)
    {
        var normalized = " " + NameNormalizer.Normalize(text) + " ";
        var best = knownVendors
            .Select(v => (Name: v, Key: NameNormalizer.Normalize(v)))
            .Where(v => v.Key.Length > 0)
            .Select(v => (v.Name, Index: normalized.IndexOf(" " + v.Key + " ", StringComparison.Ordinal)))
            .Where(v => v.Index >= 0)
            .OrderBy(v => v.Index).ThenByDescending(v => v.Name.Length)
            .FirstOrDefault();
        return best.Name ?? Label(text, VendorLabel());
    }

    private static string? Label(string text, Regex pattern)
    {
        var match = pattern.Match(text);
        return match.Success ? match.Groups["v"].Value.Trim().TrimEnd('.', ',') : null;
    }

    private static DateOnly? LabeledDate(string text, Regex pattern)
    {
        var match = pattern.Match(text);
        return match.Success ? TextValues.FirstDate(match.Groups["v"].Value) : null;
    }

    /// <summary>"Terms: Net 30" with an invoice date gives the due date; a stated due date always wins.</summary>
    private static DateOnly? DueFromTerms(string text, DateOnly? invoiceDate)
    {
        var match = NetTerms().Match(text);
        return match.Success && invoiceDate is { } date
            ? date.AddDays(int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private static decimal? LabeledAmount(string[] lines, Regex label)
    {
        foreach (var line in lines)
        {
            var match = label.Match(line);
            if (match.Success && TextValues.LastAmount(line[match.Index..]) is { } amount)
            {
                return amount;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:invoice|inv|bill)\s*(?:number|no\.?|num|#)\s*[:#]?\s*(?<v>[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*)", Options)]
    private static partial Regex InvoiceNumberLabel();

    [GeneratedRegex(@"(?:invoice\s+date|date\s+of\s+invoice|inv\.?\s+date|^\s*date)\s*[:]?\s*(?<v>[^\n]{6,40})", Options)]
    private static partial Regex InvoiceDateLabel();

    [GeneratedRegex(@"(?:due\s+date|payment\s+due(?:\s+date)?|due\s+on|due\s+by)\s*[:]?\s*(?<v>[^\n]{6,40})", Options)]
    private static partial Regex DueDateLabel();

    [GeneratedRegex(@"terms\s*:?\s*net\s*(?<d>\d{1,3})\b", Options)]
    private static partial Regex NetTerms();

    [GeneratedRegex(@"(?:customer\s+PO|P\.?O\.?\s*(?:number|no\.?|#)|purchase\s+order(?:\s*(?:number|no\.?|#))?|subcontract(?:\s*(?:number|no\.?|#))?|commitment(?:\s*(?:number|no\.?|#))?)\s*[:#]\s*(?<v>[A-Z0-9][A-Z0-9\-]*\d[A-Z0-9\-]*)", Options)]
    private static partial Regex PoLabel();

    [GeneratedRegex(@"\b(?<v>(?:PO|SC)-\d[\dA-Z\-]*)", Options)]
    private static partial Regex PoInline();

    [GeneratedRegex(@"^[ \t]*(?:job(?:\s+name)?|project|ship\s+to\s+job)\s*:[ \t]*(?<v>\S(?:[^\n]*?\S)?)(?:\s{2,}|[ \t]*$)", Options)]
    private static partial Regex JobLabel();

    [GeneratedRegex(@"^[ \t]*(?:vendor|remit\s+to|from)\s*:[ \t]*(?<v>[^\n,]+)", Options)]
    private static partial Regex VendorLabel();

    [GeneratedRegex(@"\bsub\s*-?\s*total\b|\bwork\s+(?:completed\s+)?this\s+period\b", Options)]
    private static partial Regex SubtotalLabel();

    [GeneratedRegex(@"\b(?:sales\s+|use\s+)?tax\b(?!\s*(?:id|exempt))", Options)]
    private static partial Regex TaxLabel();

    [GeneratedRegex(@"(?<!sub\s?-?\s?)\b(?:invoice\s+|grand\s+)?total\b(?!\s+due\s+this)", Options)]
    private static partial Regex TotalLabel();

    [GeneratedRegex(@"\b(?:amount\s+due|balance\s+due|total\s+due|please\s+pay|amount\s+payable)\b", Options)]
    private static partial Regex AmountDueLabel();

    [GeneratedRegex(@"\bretain(?:age|ed)\b", Options)]
    private static partial Regex RetainageLabel();
}
