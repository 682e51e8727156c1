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
    public static async Task<IReadOnlyList<(string Value, string Label)>> OptionsAsync(TenantData data, CancellationToken ct) =>
        (await data.Project.JobsAsync(ct)).OrderBy(j => j.Number ?? j.Name, StringComparer.OrdinalIgnoreCase)
            .Select(j => (j.Name, string.IsNullOrEmpty(j.Number) ? j.Name : $"{j.Number} {j.Name}")).ToList();

    /// <summary>The option value (the job's name) of the job given, or null when none is given or it is no project job.</summary>
    public static async Task<string?> SelectedAsync(TenantData data, string? job, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(job))
        {
            return null;
        }

        var jobs = await data.Project.JobsAsync(ct);
        var given = job.Trim();
        var named = jobs.FirstOrDefault(j => Is(j.Id, given) || Is(j.Number, given) || Is(j.Name, given) || Is($"{j.Number} {j.Name}", given));
        if (named is not null)
        {
            return named.Name;
        }

        // A ledger customer or a prefix: the report resolved it already, by the same rule.
        var resolved = await ReportJobs.ResolveAsync(data, given, ct);
        return jobs.FirstOrDefault(j => j.Id == resolved?.ProjectJobId)?.Name;
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

    private static bool Is(string? value, string given) => string.Equals(value, given, StringComparison.OrdinalIgnoreCase);
}
