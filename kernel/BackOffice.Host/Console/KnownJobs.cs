using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a job given to a report must be one the tenant's books know (a project job's id, number or name, or a
/// ledger customer's id, name or full name, or a prefix of a project job's number or name only one job has), so a typo is an error naming the job, never an empty report.
/// </summary>
public static class KnownJobs
{
    public static async Task EnsureAsync(TenantData data, string? job, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(job))
        {
            return;
        }

        var project = await data.Project.JobsAsync(ct);
        var ledger = await data.Ledger.CustomersAsync(ct);
        var known = project.SelectMany(j => new[] { j.Id, j.Number, j.Name })
            .Concat(ledger.SelectMany(c => new[] { c.Id, c.Name, c.FullyQualifiedName }))
            .Any(name => string.Equals(name, job, StringComparison.OrdinalIgnoreCase))
            || BackOffice.Domain.Project.JobIdentifier.Resolve(project, job) is not null;
        if (!known)
        {
            throw new UnknownJobException(job);
        }
    }
}

public sealed class UnknownJobException(string job)
    : ArgumentException($"There is no job '{job}': give a job's number, name or id as the project or the ledger knows it.");
