using BackOffice.Domain.Financial;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.PayApps;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>
/// One owner pay application as a G702/G703 packet (issue 16): the stored figures, the packet the tools compute from
/// its schedule of values, and where the stored application does not tie out.
/// </summary>
public sealed record PayAppDocument(
    JobContract Job, PayApp PayApp, PayApp? Prior, PayAppPacket Packet, IReadOnlyList<TieOutDifference> TieOut);

/// <summary>A pay application that cannot be computed (unknown job or period, no lines, no retainage percent stated).</summary>
// An ArgumentException: the request names something the books cannot answer, so the CLI reports it as bad input (exit 2).
public sealed class PayAppPacketException(string message) : ArgumentException(message);

/// <summary>
/// Builds the packet of a job's pay application from the tenant's books (issue 16). Column D of each G703 line is the
/// prior application's installed work on the same cost code; E is this application's installed work less D; F is the
/// line's stored materials. Line 2 is the job's approved prime change orders up to the period end (previous months:
/// up to the prior application's period end). Line 7 is the prior application's line 6 as it was certified (its
/// stored completed and stored to date less its retainage held). Retainage percents: the pay application's own, else
/// the job's contract percent; stored material at its own percent when stated, else at the work percent.
/// </summary>
public static class PayAppPackets
{
    public static async Task<PayAppDocument> LoadAsync(TenantData data, string job, string? period, CancellationToken cancellationToken)
    {
        var contracts = await data.ProjectFinancials.ContractsAsync(cancellationToken);
        // Issue 17: the job by any identifier (number, name, id, ledger customer, a unique prefix), as every report takes it.
        var jobId = (await Books.ReportJobs.ResolveAsync(data, job, cancellationToken))?.ProjectKey ?? job;
        var contract = contracts.FirstOrDefault(c => c.JobId == jobId || string.Equals(c.Name, job, StringComparison.OrdinalIgnoreCase))
                       ?? throw new PayAppPacketException($"There is no job '{job}'.");
        var apps = (await data.ProjectFinancials.PayAppsAsync(cancellationToken)).Where(p => p.JobId == contract.JobId).ToList();
        var index = period is null ? apps.Count - 1 : apps.FindIndex(p => p.Number == period);
        if (index < 0)
        {
            throw new PayAppPacketException($"Job {contract.JobId} has no pay application {period ?? "at all"}; it has: {string.Join(", ", apps.Select(p => p.Number))}.");
        }

        var lines = (await data.PayAppSheets.LinesAsync(cancellationToken)).ToLookup(l => l.PayAppId);
        var terms = (await data.PayAppSheets.RetainageTermsAsync(cancellationToken)).Single(t => t.PayAppId == apps[index].Id);
        var changeOrders = (await data.ProjectFinancials.ChangeOrdersAsync(cancellationToken)).Where(c => c.JobId == contract.JobId).ToList();
        return Build(contract, apps, index, lines, terms, changeOrders);
    }

    /// <summary>
    /// The packet of <paramref name="apps"/>[<paramref name="index"/>] from tables already read (issue 16: the Financial
    /// sweep's tie-out check reads the pay-app tables once for every application it ties out).
    /// </summary>
    /// <param name="apps">The job's pay applications in period order (as <c>PayAppsAsync</c> returns them).</param>
    /// <param name="changeOrders">The job's change orders.</param>
    public static PayAppDocument Build(
        JobContract contract, IReadOnlyList<PayApp> apps, int index, ILookup<string, PayAppLine> lines, PayAppRetainageTerms terms,
        IReadOnlyList<ChangeOrder> changeOrders)
    {
        var app = apps[index];
        var prior = index > 0 ? apps[index - 1] : null;
        if (!lines[app.Id].Any())
        {
            throw new PayAppPacketException($"Pay application {app.Number} of job {contract.JobId} ({app.Id}) has no G703 lines in project/pay-app-lines.csv.");
        }

        var sov = ScheduleOfValues(lines[app.Id].ToList(), prior is null ? [] : lines[prior.Id].ToList());
        var previousCertificates = prior is null ? 0m : prior.WorkCompletedToDate + prior.StoredMaterials - prior.RetainageHeldToDate;
        var packet = PayAppTools.Compute(contract.OriginalContract, ChangeOrderBox(changeOrders, app, prior), sov, Rates(terms, app), previousCertificates);
        var stated = Stated(app, lines[app.Id].ToList(), sov, previousCertificates);
        return new PayAppDocument(contract, app, prior, packet, PayAppTieOut.Check(stated, packet.Summary));
    }

    private static List<SovLine> ScheduleOfValues(List<PayAppLine> lines, List<PayAppLine> priorLines)
    {
        var previous = priorLines.GroupBy(l => l.CostCode).ToDictionary(g => g.Key, g => g.Sum(l => l.WorkCompletedToDate));
        return lines.Select((l, i) =>
        {
            var d = previous.GetValueOrDefault(l.CostCode);
            return new SovLine($"{i + 1}", $"{l.CostCode} {l.Description}", l.ScheduledValue, d, l.WorkCompletedToDate - d, l.StoredMaterials);
        }).ToList();
    }

    private static ChangeOrderSummary ChangeOrderBox(IReadOnlyList<ChangeOrder> changeOrders, PayApp app, PayApp? prior)
    {
        var approved = changeOrders.Where(c => c.Kind == "prime" && c.Status == "approved" && c.ApprovedDate is { } d && d <= app.PeriodEnd).ToList();
        var earlier = approved.Where(c => prior is not null && c.ApprovedDate <= prior.PeriodEnd).ToList();
        var thisMonth = approved.Except(earlier).ToList();
        return new ChangeOrderSummary(earlier.Where(c => c.Amount > 0m).Sum(c => c.Amount), -earlier.Where(c => c.Amount < 0m).Sum(c => c.Amount),
            thisMonth.Where(c => c.Amount > 0m).Sum(c => c.Amount), -thisMonth.Where(c => c.Amount < 0m).Sum(c => c.Amount));
    }

    private static RetainageRates Rates(PayAppRetainageTerms terms, PayApp app)
    {
        // Fail closed (issue 16): a retainage percent is a contract term; with none stated there is no figure to compute.
        var work = terms.WorkPercent ?? terms.ContractPercent
                   ?? throw new PayAppPacketException($"No retainage percent for pay application {app.Id}: set retainage_percent on project/pay-apps.csv or on its job in project/jobs.csv.");
        return new RetainageRates(work, terms.StoredPercent ?? work);
    }

    private static StatedPayApp Stated(PayApp app, List<PayAppLine> lines, List<SovLine> sov, decimal previousCertificates) =>
        new(app.Number, sov.Sum(l => l.ScheduledValue), app.WorkCompletedToDate + app.StoredMaterials, app.RetainageHeldToDate, null,
            previousCertificates, app.AmountDue,
            [.. sov.Select((l, i) => new StatedG703Line(l.ItemNo, l.ScheduledValue, l.PreviousWork, l.ThisPeriodWork, l.StoredMaterials,
                lines[i].WorkCompletedToDate + lines[i].StoredMaterials))]);
}
