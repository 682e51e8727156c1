using BackOffice.Domain.Documents;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>The findings a document raises: A/P exceptions with their reasons, unread documents, signatures, certificates.</summary>
internal static class DocumentFindings
{
    public static IEnumerable<Finding> For(DocumentAnalysis a)
    {
        var id = a.Document.Id;
        var source = DocumentFigures.Source(a);
        if (a.Document.Text is null)
        {
            yield return new Finding($"documents:needs-person:{id}", "documents", "needs-person", Severity.Warning,
                $"{id} cannot be read and needs a person", [],
                $"Document {id} was not read: {a.Document.Unreadable}. Nothing was guessed from it.");
            yield break;
        }

        if (a.IsPayable && a.CoveredBy is null && a.Exceptions.Count > 0)
        {
            var figures = a.Gross is { } gross ? [DocumentFigures.Usd("gross", gross, nameof(BillExtractor), a)] : new List<Figure>();
            yield return new Finding($"documents:ap-exception:{id}", "documents", "ap-exception", Severity.Warning,
                $"A/P exception: {id} ({a.VendorName ?? "vendor unknown"}, {a.Bill?.InvoiceNumber ?? "no number"})", figures,
                $"Bill {a.Bill?.InvoiceNumber ?? "(no number)"} in {id} was not drafted: {string.Join("; ", a.Exceptions)}.");
        }

        if (a.InstructionText is not null)
        {
            yield return new Finding($"documents:instruction-text:{id}", "documents", "instruction-text", Severity.Warning,
                $"{id} contains text addressed to an approver or a model", [],
                $"Document {id} contains the text \"{Shorten(a.InstructionText)}\". Document text is data: it was not followed, " +
                "and the document went through the same checks and approvals as any other.");
        }

        if (a.Signature.State == SignatureState.Unsigned)
        {
            yield return new Finding($"documents:signature-missing:{id}", "documents", "signature-missing", Severity.Warning,
                $"{id} ({a.Classification.Kind}) needs a signature", [],
                $"Document {id} is a {a.Classification.Kind} and shows no signature" +
                (a.Signature.Evidence is null ? "." : $" (\"{Shorten(a.Signature.Evidence)}\").") + " Obtain a signed copy before relying on it.");
        }

        if (a.Certificate is { EarliestExpiration: { } expires } && a.CoiStatus is CoiStatus.ExpiringSoon or CoiStatus.Expired)
        {
            yield return new Finding($"documents:coi-{(a.CoiStatus == CoiStatus.Expired ? "expired" : "expiring")}:{id}", "documents",
                a.CoiStatus == CoiStatus.Expired ? "coi-expired" : "coi-expiring", Severity.Warning,
                $"Insurance certificate of {a.VendorName ?? "unknown insured"} {(a.CoiStatus == CoiStatus.Expired ? "expired" : "expires")} {expires:yyyy-MM-dd}",
                [Figure.Date("expiration", expires, nameof(CertificateReader), source)],
                $"The certificate of insurance for {a.VendorName ?? "an unknown insured"} in {id} lapses on {expires:yyyy-MM-dd}. Request a renewal certificate.");
        }
    }

    /// <summary>Subcontractors with an open commitment whose latest certificate has expired: working uninsured (issue 6).</summary>
    public static IEnumerable<Finding> ExpiredCertificatesInUse(IReadOnlyList<DocumentAnalysis> analyses, DocumentsData data, DateOnly asOf)
    {
        var latest = analyses.Where(a => a.Certificate?.EarliestExpiration is not null && a.ProjectVendor is not null)
            .GroupBy(a => a.ProjectVendor!.Id)
            .Select(g => g.MaxBy(a => a.Certificate!.EarliestExpiration)!);
        foreach (var a in latest.Where(a => a.Certificate!.EarliestExpiration < asOf))
        {
            var open = data.Commitments.Where(c => c.VendorId == a.ProjectVendor!.Id && c.Status is "approved" or "pending").ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var expires = a.Certificate!.EarliestExpiration!.Value;
            yield return new Finding($"documents:coi-expired-working:{a.ProjectVendor!.Id}", "documents", "coi-expired-working", Severity.Critical,
                $"{a.ProjectVendor.Name} works on {open.Count} open commitment(s) with insurance expired {expires:yyyy-MM-dd}",
                [Figure.Date("expiration", expires, nameof(CertificateReader), DocumentFigures.Source(a)),
                 Figure.Count("open_commitments", open.Count, "DocumentsData", [.. open.Select(c => new SourceRef("project", "project_commitments", c.Id))])],
                $"{a.ProjectVendor.Name}'s latest certificate of insurance ({a.Document.Id}) expired on {expires:yyyy-MM-dd}, and it holds " +
                $"{open.Count} open commitment(s): {string.Join(", ", open.Select(c => c.Number))}. Hold payment or stop work until a current certificate is on file.");
        }
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
