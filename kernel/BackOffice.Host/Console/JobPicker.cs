using System.Text;
using BackOffice.Agents.Books;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Tenancy;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: the report pages' job picker. Its options are the project jobs by number and name; the job a page was
/// opened with is shown selected however it was named (number, id, name, the ledger customer it is), because a wip
/// row links to cost-detail by the job's id while the picker's values are names ("All jobs" showed on a job's page).
/// </summary>
public static class JobPicker
{
    /// <summary>
    /// The picker's options and the option to show selected (the job's name; null when none is given or it names no
    /// project job), from one read of the tenant's books and by the rule the report itself resolved the job with
    /// (<see cref="ReportJobs.Find"/>: number, id, name, "number name", the ledger customer or a unique prefix).
    /// </summary>
    public static async Task<JobChoices> ChoicesAsync(TenantData data, string? job, CancellationToken ct)
    {
        var books = await TenantBooks.LoadAsync(data, memory: null, ct);
        var jobs = books.Masters.Jobs;
        var options = jobs.OrderBy(j => j.Number ?? j.Name, StringComparer.OrdinalIgnoreCase)
            .Select(j => (j.Name, string.IsNullOrEmpty(j.Number) ? j.Name : $"{j.Number} {j.Name}")).ToList();
        var id = string.IsNullOrWhiteSpace(job) ? null : ReportJobs.Find(books, job)?.ProjectJobId;
        return new JobChoices(options, jobs.FirstOrDefault(j => j.Id == id)?.Name);
    }

    /// <summary>The report asked for with no job needs one: its name, when it is such a report.</summary>
    public static IJobReport? NeedsJob(IEnumerable<IReport> reports, string name)
    {
        var report = reports.LastOrDefault(r => r.Name == name);
        return (report is CachedReport cached ? cached.Inner : report) as IJobReport;
    }

    /// <summary>The page of a one-job report opened with no job: the date and job pickers and a plain sentence.</summary>
    public static string ChoosePage(string path, string pickers, IJobReport report) =>
        new StringBuilder($"<p>{E(report.ChooseJob)}</p>")
            .Append($"<form method=\"get\" action=\"{E(path)}\" class=\"filters card\">{pickers}<button class=\"primary\">Show</button></form>")
            .ToString();

}

/// <summary>A job picker: its options (value: the job's name; label: number and name) and the value shown selected.</summary>
public sealed record JobChoices(IReadOnlyList<(string Value, string Label)> Options, string? Selected);
