using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;
using BackOffice.Store.Documents;
using BackOffice.Tools.Documents;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Reads the tenant's inbox and analyses every document (issue 6). Pure reading: the agent turns the result into
/// findings and proposals, the reports into rows. Text inside a document is only ever matched and parsed as data.
/// </summary>
internal static partial class DocumentReview
{
    public const string FiledFolder = "filed";

    public static async Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(
        TenantData tenant, DocumentsData data, DateOnly asOf, DocumentsOptions options, CancellationToken cancellationToken) =>
        AnalyzeInbox(tenant.Folder, await ReadInboxAsync(tenant, cancellationToken), data, asOf, options);

    /// <summary>An inbox document as read, with its file's SHA-256 (null when the file is gone).</summary>
    public sealed record InboxFile(InboxDocument Document, string? Sha);

    /// <summary>
    /// The inbox's documents as read (issue 17: the reports keep them while the inbox's files are unchanged, since the
    /// report stamp covers those files, and analyse them again against refreshed data).
    /// </summary>
    public static async Task<IReadOnlyList<InboxFile>> ReadInboxAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var documents = await new InboxReader(new PdfText()).ReadAsync(Path.Combine(tenant.Folder, "inbox"), cancellationToken);
        return documents.Select(d => new InboxFile(d, Sha256(Path.Combine(tenant.Folder, "inbox", d.SourceFile)))).ToList();
    }

    /// <summary>Every inbox document analysed against the data; whether each is filed already is looked up now.</summary>
    public static IReadOnlyList<DocumentAnalysis> AnalyzeInbox(
        string tenantFolder, IReadOnlyList<InboxFile> inbox, DocumentsData data, DateOnly asOf, DocumentsOptions options)
    {
        var analyses = new List<DocumentAnalysis>();
        foreach (var (document, sha) in inbox)
        {
            var analysis = Analyze(document, sha, data, asOf, options);
            analyses.Add(WithDuplicates(analysis, analyses, data, options));
        }

        return analyses.Select(a => Finish(a, tenantFolder)).ToList();
    }

    private static DocumentAnalysis Analyze(InboxDocument document, string? sha, DocumentsData data, DateOnly asOf, DocumentsOptions options)
    {
        if (document.Text is null)
        {
            return new DocumentAnalysis(document, new Classification(DocumentKind.Other, null, 0, []), sha);
        }

        var text = document.Text;
        var analysis = new DocumentAnalysis(document, BillAnalyzer.Traced("DocumentClassifier.Classify", () => DocumentClassifier.Classify(text)), sha)
        {
            InstructionText = Instruction().Match(text) is { Success: true } m ? m.Value.Trim() : null,
        };
        analysis = analysis with { Signature = BillAnalyzer.Traced("SignatureCheck.Check", () => SignatureCheck.Check(analysis.Classification.Kind, text)) };
        if (analysis.IsPayable)
        {
            return BillAnalyzer.Analyze(analysis, data, options);
        }

        if (analysis.Classification.Kind == DocumentKind.CertificateOfInsurance)
        {
            var certificate = BillAnalyzer.Traced("CertificateReader.Read", () => CertificateReader.Read(text));
            return analysis with
            {
                Certificate = certificate,
                CoiStatus = CertificateReader.Status(certificate.EarliestExpiration, asOf, options.CoiWindowDays),
                ProjectVendor = data.ProjectVendor(certificate.Insured),
                LedgerVendor = data.LedgerVendor(certificate.Insured),
            };
        }

        var job = DocumentRouter.Job(text, null, data.Jobs);
        return analysis with { Job = job };
    }

    /// <summary>Against ledger bills and the inbox documents read before this one: the first copy is the original.</summary>
    private static DocumentAnalysis WithDuplicates(DocumentAnalysis analysis, List<DocumentAnalysis> earlier, DocumentsData data, DocumentsOptions options)
    {
        if (!analysis.IsPayable || analysis.Bill is null || analysis.Bill.Payable is null)
        {
            return analysis;
        }

        var known = data.Bills.Select(b => new KnownBill("ledger", b.Id, b.VendorId, b.DocNumber, b.Total, b.TxnDate))
            .Concat(earlier.Where(e => e.IsPayable && e.Bill?.Payable is not null).Select(Known))
            .ToList();
        var hits = BillAnalyzer.Traced("DuplicateDetector.Find", () => DuplicateDetector.Find(Known(analysis), known, options.DuplicateWindowDays));
        return analysis with { Duplicates = hits };
    }

    /// <summary>Ledger bills hold the net payable (after retainage), so inbox bills compare on what they ask to be paid.</summary>
    private static KnownBill Known(DocumentAnalysis a) =>
        new("inbox", a.Document.Id, a.LedgerVendor?.Id ?? "name:" + (a.Bill!.Vendor ?? a.Document.Id), a.Bill!.InvoiceNumber, a.Bill!.Payable!.Value, a.Bill!.InvoiceDate);

    private static DocumentAnalysis Finish(DocumentAnalysis a, string tenantFolder)
    {
        var folder = a.Document.Text is null ? null
            : DocumentRouter.Folder(a.Classification.Kind, a.Job?.Number ?? a.Job?.Id, a.Classification.Kind == DocumentKind.CertificateOfInsurance ? a.VendorName : null);
        var filed = folder is not null && a.Sha256 is not null
            && Sha256(Path.Combine(tenantFolder, FiledFolder, folder, a.Document.SourceFile)) == a.Sha256;
        return a with { Folder = folder, AlreadyFiled = filed, Exceptions = ExceptionRules.Reasons(a) };
    }

    public static string? Sha256(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Phrases that address an approver or a model rather than state a bill's facts; recorded, never obeyed.</summary>
    [GeneratedRegex(@"[^\n.]*\b(ignore\s+(all\s+|any\s+)?(previous|prior|above|earlier)\s+instructions|approve\s+(this|it)\s+(immediately|now|automatically)|auto-?approve|system\s+prompt|you\s+are\s+(an?\s+)?(ai|assistant|language\s+model))\b[^\n]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}
