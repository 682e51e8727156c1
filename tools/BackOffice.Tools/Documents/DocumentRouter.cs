using System.ComponentModel;
using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;
using BackOffice.Domain.Project;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Documents;

/// <summary>
/// Where a document belongs (issue 6): job documents under <c>jobs/{job number}/{kind folder}</c>, insurance
/// certificates under the vendor (<c>vendors/{vendor}/insurance</c>, they cover every job), anything without a job
/// under <c>unfiled/{kind folder}</c> for a person to place.
/// </summary>
public static partial class DocumentRouter
{
    public static string KindFolder(DocumentKind kind) => kind switch
    {
        DocumentKind.VendorBill => "ap-invoices",
        DocumentKind.SubPayApplication => "pay-applications",
        DocumentKind.LienWaiver => "lien-waivers",
        DocumentKind.CertificateOfInsurance => "insurance",
        DocumentKind.ChangeOrder => "change-orders",
        DocumentKind.RfiAttachment => "rfis",
        _ => "other",
    };

    [Description("The folder a document is filed in, from its kind, its job and its vendor.")]
    public static string Folder(
        [Description("The document's kind")] DocumentKind kind,
        [Description("The job's number (or id), or null when unknown")] string? jobNumber,
        [Description("The vendor's name, or null when unknown")] string? vendor)
    {
        if (kind == DocumentKind.CertificateOfInsurance && vendor is not null)
        {
            return $"vendors/{Slug(vendor)}/insurance";
        }

        return jobNumber is null ? $"unfiled/{KindFolder(kind)}" : $"jobs/{Slug(jobNumber)}/{KindFolder(kind)}";
    }

    [Description("Find the project job a document is about: its job number in the text, else a job name named in the text or job field.")]
    public static ProjectJob? Job(
        [Description("The document's text")] string text,
        [Description("The job field extracted from it, if any")] string? jobField,
        [Description("The tenant's project jobs")] IReadOnlyList<ProjectJob> jobs)
    {
        var byNumber = jobs.Where(j => j.Number is { Length: > 0 } n && Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(n) + @"(?![\w-])")).ToList();
        if (byNumber.Count == 1)
        {
            return byNumber[0];
        }

        var haystack = " " + NameNormalizer.Normalize(jobField ?? text) + " ";
        var byName = jobs.Where(j => haystack.Contains(" " + NameNormalizer.Normalize(j.Name) + " ", StringComparison.Ordinal)).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Folder-safe: lower-case letters, digits and hyphens only, so a document's text can never climb out of the tenant folder.</summary>
    public static string Slug(string name)
    {
        var slug = NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "unnamed" : slug[..Math.Min(slug.Length, 60)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
