using BackOffice.Agents.Books;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a job given to a report must be one the tenant's books know, by any identifier (<see cref="ReportJobs"/>),
/// so a typo or an ambiguous prefix is an error naming the job and the candidates, never an empty report.
/// </summary>
public static class KnownJobs
{
    /// <summary>The job resolved (null when none is given), to pass on in <see cref="Kernel.Abstractions.Reports.ReportRequest.ResolvedJob"/>.</summary>
    public static Task<Kernel.Abstractions.Reports.ReportJob?> EnsureAsync(TenantData data, string? job, CancellationToken ct) => ReportJobs.ResolveAsync(data, job, ct);
}
