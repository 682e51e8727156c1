using System.ComponentModel;
using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;

namespace BackOffice.Tools.Documents;

/// <param name="Score">The winning kind's feature score; <paramref name="Features"/> names the features that fired.</param>
public sealed record Classification(DocumentKind Kind, LienWaiverType? WaiverType, int Score, IReadOnlyList<string> Features);

/// <summary>
/// Rules and features first (issue 6): each kind has weighted phrases; the highest total at or above
/// <see cref="MinimumScore"/> wins, anything weaker is Other for a person to sort. The model, when configured later,
/// may only be asked about Other, and its answer must name one of these kinds.
/// </summary>
public static partial class DocumentClassifier
{
    public const int MinimumScore = 3;

    private sealed record Feature(DocumentKind Kind, int Weight, string Name, Regex Pattern);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline;

    private static readonly Feature[] Features =
    [
        new(DocumentKind.CertificateOfInsurance, 6, "title:certificate-of-insurance", new(@"certificate\s+of\s+(liability\s+|property\s+)?insurance", Options)),
        new(DocumentKind.CertificateOfInsurance, 3, "acord-25", new(@"\bACORD\s*25\b", Options)),
        new(DocumentKind.CertificateOfInsurance, 1, "certificate-holder", new(@"certificate\s+holder", Options)),
        new(DocumentKind.CertificateOfInsurance, 1, "policy-number", new(@"policy\s+(number|no)", Options)),
        new(DocumentKind.LienWaiver, 6, "title:waiver-and-release", new(@"waiver\s+and\s+release\s+(on|upon)", Options)),
        new(DocumentKind.LienWaiver, 5, "lien-waiver", new(@"lien\s+(waiver|release)|release\s+of\s+lien", Options)),
        new(DocumentKind.ChangeOrder, 6, "title:change-order", new(@"^\s*(subcontract\s+|commitment\s+)?change\s+order\b", Options)),
        new(DocumentKind.ChangeOrder, 4, "aia-g701", new(@"\bG701\b", Options)),
        new(DocumentKind.ChangeOrder, 2, "contract-sum-changed", new(@"(contract\s+sum|contract\s+amount).{0,40}(increased|decreased|changed)", Options)),
        new(DocumentKind.SubPayApplication, 6, "application-for-payment", new(@"application\s+(and\s+certificate\s+)?for\s+payment|pay(ment)?\s+application", Options)),
        new(DocumentKind.SubPayApplication, 4, "aia-g702-g703", new(@"\bG70[23]\b", Options)),
        new(DocumentKind.SubPayApplication, 2, "subcontract-reference", new(@"\bsubcontract\s*(no\.?|number|#)?\s*:", Options)),
        new(DocumentKind.SubPayApplication, 2, "billing-period", new(@"period\s+(through|to|ending)\b", Options)),
        new(DocumentKind.SubPayApplication, 2, "retainage-withheld", new(@"(less|minus)\s+retain(age|ed)", Options)),
        new(DocumentKind.RfiAttachment, 6, "request-for-information", new(@"request\s+for\s+information", Options)),
        new(DocumentKind.RfiAttachment, 3, "rfi-number", new(@"\bRFI\s*(#|no\.?|number)?\s*:?\s*\d+", Options)),
        new(DocumentKind.VendorBill, 4, "title:invoice", new(@"^\s*(tax\s+|sales\s+)?invoice\b|\binvoice\s*(#|no\.?|number)\s*:?", Options)),
        new(DocumentKind.VendorBill, 1, "amount-due", new(@"(amount|balance|total)\s+due", Options)),
        new(DocumentKind.VendorBill, 1, "payment-terms", new(@"terms\s*:?\s*net\s*\d+|remit\s+to", Options)),
        new(DocumentKind.VendorBill, 1, "subtotal", new(@"sub\s*-?\s*total", Options)),
    ];

    [Description("Classify a received document's text as a vendor bill, sub pay application, lien waiver, certificate of insurance, change order, RFI attachment or other, by weighted phrase rules.")]
    public static Classification Classify([Description("The document's text")] string text)
    {
        var fired = Features.Where(f => f.Pattern.IsMatch(text)).ToList();
        var best = fired.GroupBy(f => f.Kind)
            .Select(g => (Kind: g.Key, Score: g.Sum(f => f.Weight)))
            .OrderByDescending(g => g.Score).ThenBy(g => (int)g.Kind)
            .FirstOrDefault();
        if (best.Score < MinimumScore)
        {
            return new Classification(DocumentKind.Other, null, best.Score, fired.Select(f => f.Name).ToList());
        }

        LienWaiverType? waiver = best.Kind == DocumentKind.LienWaiver ? WaiverType(text) : null;
        return new Classification(best.Kind, waiver, best.Score, fired.Where(f => f.Kind == best.Kind).Select(f => f.Name).ToList());
    }

    /// <summary>
    /// The statutory titles say it: "CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT" and its three siblings.
    /// "Unconditional" contains "conditional", so it is tested first; "final" wins over "progress" only when stated.
    /// </summary>
    public static LienWaiverType WaiverType(string text)
    {
        var unconditional = Unconditional().IsMatch(text);
        var final = FinalPayment().IsMatch(text);
        return (unconditional, final) switch
        {
            (true, true) => LienWaiverType.UnconditionalFinal,
            (true, false) => LienWaiverType.UnconditionalProgress,
            (false, true) => LienWaiverType.ConditionalFinal,
            _ => LienWaiverType.ConditionalProgress,
        };
    }

    [GeneratedRegex(@"\bunconditional\s+(waiver|release|lien)", Options)]
    private static partial Regex Unconditional();

    [GeneratedRegex(@"(on|upon)\s+final\s+payment|final\s+(lien\s+)?(waiver|release)", Options)]
    private static partial Regex FinalPayment();
}
