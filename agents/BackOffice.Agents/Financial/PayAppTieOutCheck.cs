using BackOffice.Agents.Financial.PayApps;
using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.PayApps;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 16: each imported owner pay application (period ending on or before the as-of date) tied out against its own
/// G703 and the figures its schedule of values gives (<see cref="PayAppTieOut"/>, through the same packet the g702
/// report prints, <see cref="PayAppPackets.Build"/>). One finding per application that does not tie, naming each line
/// that does not and by how much, in the words of the report's tie-out (<see cref="PayAppForm.TieOutText"/>).
/// </summary>
internal static class PayAppTieOutCheck
{
    public const string Check = "pay-app-tie-out";

    public const string KeyPrefix = "financial:" + Check + ":";

    private const string Tool = nameof(PayAppTieOut) + "." + nameof(PayAppTieOut.Check);

    /// <param name="jobs">The project jobs to tie out (issue 18: those whose pay applications changed); null: every job.</param>
    public static async Task<CheckResult> RunAsync(FinancialAnalysis analysis, TenantData tenant, IReadOnlySet<string>? jobs, CancellationToken cancellationToken)
    {
        var books = analysis.Data.Books;
        var apps = books.PayApps.Where(p => p.PeriodEnd <= analysis.AsOf && (jobs is null || jobs.Contains(p.JobId))).ToList();
        if (apps.Count == 0)
        {
            // Nothing to tie out: the G703 lines and retainage terms are not read.
            return CheckResult.Empty;
        }

        var lines = (await tenant.PayAppSheets.LinesAsync(cancellationToken)).ToLookup(l => l.PayAppId);
        var terms = (await tenant.PayAppSheets.RetainageTermsAsync(cancellationToken)).ToDictionary(t => t.PayAppId, StringComparer.Ordinal);
        var changeOrders = books.ChangeOrders.ToLookup(c => c.JobId);
        var appsByJob = books.PayApps.ToLookup(p => p.JobId);
        var tied = apps.Select(p => p.JobId).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var contract in books.Contracts.Where(c => tied.Contains(c.JobId)).OrderBy(c => c.JobId, StringComparer.Ordinal))
        {
            // Every application of the job, so the prior one (line 7, column D) is there even when it is not tied out.
            var jobApps = appsByJob[contract.JobId].ToList();
            for (var i = 0; i < jobApps.Count; i++)
            {
                if (jobApps[i].PeriodEnd <= analysis.AsOf && Document(contract, jobApps, i, lines, terms, changeOrders[contract.JobId].ToList()) is { TieOut.Count: > 0 } document)
                {
                    findings.Add(For(document));
                }
            }
        }

        return CheckResult.Of(findings);
    }

    /// <summary>
    /// The packet, or null when the report itself refuses it (no G703 lines, no retainage percent stated): the g702
    /// report names what is missing, and an application without a G703 has nothing to tie out against.
    /// </summary>
    private static PayAppDocument? Document(
        JobContract contract, List<PayApp> apps, int index, ILookup<string, PayAppLine> lines,
        Dictionary<string, PayAppRetainageTerms> terms, List<ChangeOrder> changeOrders)
    {
        if (!terms.TryGetValue(apps[index].Id, out var appTerms))
        {
            return null;
        }

        try
        {
            return PayAppPackets.Build(contract, apps, index, lines, appTerms, changeOrders);
        }
        catch (PayAppPacketException)
        {
            return null;
        }
    }

    /// <summary>The job of a tie-out finding's key (financial:pay-app-tie-out:JOB:NUMBER), or null for another check's.</summary>
    public static string? JobOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.IndexOf(':', KeyPrefix.Length) is var end and > 0 ? key[KeyPrefix.Length..end] : null;

    /// <summary>The finding of a packet that does not tie (internal: the worked-example test builds it from a stated document).</summary>
    internal static Finding For(PayAppDocument document)
    {
        var (job, app) = (document.Job, document.PayApp);
        var source = new SourceRef("project", "project_pay_apps", app.Id);
        var figures = new List<Figure>();
        foreach (var (d, i) in document.TieOut.Select((d, i) => (d, i + 1)))
        {
            // Numbered: a G702 line can fail two ways (against the G703 and against the schedule of values).
            var name = $"{i}_{d.Where.ToLowerInvariant().Replace(' ', '_')}";
            figures.Add(Figure.Usd($"{name}_stated", d.Stated, Tool, source));
            figures.Add(Figure.Usd($"{name}_expected", d.Expected, Tool, source));
            figures.Add(Figure.Usd($"{name}_difference", d.Difference, Tool, source));
        }

        // Warning, or Critical when line 8 is off: a G702 that does not tie is a document a controller must not sign as it
        // stands; when the current payment due itself is wrong, the owner would be billed the wrong amount.
        var severity = document.TieOut.Any(d => d.Where == "G702 line 8") ? Severity.Critical : Severity.Warning;
        var narrative = $"Pay application {app.Number} of {job.Name} ({job.JobId}), period to {app.PeriodEnd:yyyy-MM-dd}, does not tie out against its own G703 " +
                        $"and the figures its schedule of values gives ({document.TieOut.Count} {(document.TieOut.Count == 1 ? "figure" : "figures")}):\n" +
                        string.Join("\n", PayAppForm.TieOutText(document)) +
                        $"\nThe packet: backoffice report g702 --job {job.JobId} --period {app.Number}.";
        var lines = document.TieOut.Select(d => d.Where).Distinct(StringComparer.Ordinal);
        return new Finding($"{KeyPrefix}{job.JobId}:{app.Number}", "financial", Check, severity,
            $"{job.Name} pay application {app.Number} does not tie out: {string.Join(", ", lines)}", figures, narrative);
    }
}
