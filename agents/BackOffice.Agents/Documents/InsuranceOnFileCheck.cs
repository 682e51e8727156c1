using BackOffice.Domain.Documents;
using BackOffice.Domain.Project;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Issue 14: vendors holding an open (approved or pending) commitment whose insurance policy in the project system
/// (Procore's vendor insurances) has expired or expires within the certificate window. The inbox's certificates are
/// checked by <see cref="DocumentFindings.ExpiredCertificatesInUse"/>; these are the policies the project system keeps.
/// </summary>
internal static class InsuranceOnFileCheck
{
    public const string Expired = "insurance-expired";
    public const string Expiring = "insurance-expiring";

    /// <param name="vendors">The project system's vendors (their names); <paramref name="commitments"/>: every commitment (issue 18: read alone at a new date).</param>
    public static IEnumerable<Finding> Run(
        IReadOnlyList<VendorInsurance> policies, IReadOnlyList<ProjectVendor> vendors, IReadOnlyList<Commitment> commitments, DateOnly asOf, int windowDays)
    {
        var names = vendors.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
        foreach (var policy in policies.Where(p => !p.Exempt && p.Expiration is not null))
        {
            var status = CertificateReader.Status(policy.Expiration, asOf, windowDays);
            var open = commitments.Where(c => c.VendorId == policy.VendorId && c.Status is "approved" or "pending").ToList();
            if (status is not (CoiStatus.Expired or CoiStatus.ExpiringSoon) || open.Count == 0)
            {
                continue;
            }

            var (expired, expires) = (status == CoiStatus.Expired, policy.Expiration!.Value);
            var name = names.GetValueOrDefault(policy.VendorId, policy.VendorId);
            var what = policy.Type ?? "insurance";
            yield return new Finding($"documents:{(expired ? Expired : Expiring)}:{policy.Id}", "documents",
                expired ? Expired : Expiring, expired ? Severity.Critical : Severity.Warning,
                $"{name}'s {what} {(expired ? "expired" : "expires")} {expires:yyyy-MM-dd}; {open.Count} open commitment(s)",
                [Figure.Date("expiration", expires, nameof(CertificateReader), new SourceRef("project", "project_vendor_insurances", policy.Id)),
                 Figure.Count("open_commitments", open.Count, "DocumentsData", [.. open.Select(c => new SourceRef("project", "project_commitments", c.Id))])],
                $"{name}'s {what} policy {policy.PolicyNumber ?? "(no number)"} {(expired ? "expired" : "expires")} on {expires:yyyy-MM-dd}, and " +
                $"{name} holds {open.Count} open commitment(s): {string.Join(", ", open.Select(c => c.Number))}. " +
                (expired ? "Hold payment or stop work until a current policy is on file." : "Request a renewal certificate before it lapses."));
        }
    }
}
