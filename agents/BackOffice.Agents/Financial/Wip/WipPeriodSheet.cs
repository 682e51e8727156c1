using System.Globalization;
using BackOffice.Domain.Financial;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Wip;

/// <summary>A period that is not a month yyyy-MM, or that cannot be closed yet (issue 16).</summary>
public sealed class WipPeriodException(string message) : ArgumentException(message);

/// <summary>One job's row of a period's WIP; <paramref name="Line"/> is null when the job cannot be computed and <paramref name="Problem"/> says why.</summary>
public sealed record WipPeriodRow(string JobId, string JobName, WipPeriodLine? Line, string? Problem);

/// <summary>
/// A month's WIP schedule (issue 16): each job's figures to date, the prior closed period's, this period's change, and
/// the company rollup. <paramref name="Closed"/> is set when this period is closed: its figures are then the stored
/// ones, never recomputed. <paramref name="Prior"/> is the latest period closed before this one, if any.
/// <paramref name="Presentation"/> is the configured loss presentation; <paramref name="Income"/> the company's period
/// gross profit by it, SG&amp;A posted after the prior close through the as-of date, and their difference; for a period
/// closed with its income stored (1635_wip_period_income.sql), the stored figures (<paramref name="IncomeStored"/>).
/// </summary>
public sealed record WipPeriodSheet(
    string Period, DateOnly AsOf, WipPeriodClose? Closed, WipPeriodClose? Prior, IReadOnlyList<WipPeriodRow> Jobs, WipPeriodLine Company,
    WipPresentation Presentation, WipIncome Income, bool IncomeStored = false);

/// <summary>What a close stores: every open job's WIP to date and the company's income of the period (issue 16).</summary>
public sealed record WipPeriodToClose(IReadOnlyList<WipPeriodFigures> Figures, WipPeriodIncome Income);

/// <summary>Builds a month's WIP from the books (the same analysis and cost loading as `wip`) and the closed periods.</summary>
public sealed class WipPeriods(FinancialOptions options)
{
    public const string CompanyRow = "company";

    /// <summary>Parses yyyy-MM; returns the period and its last day.</summary>
    public static (string Period, DateOnly End) Parse(string text)
    {
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw new WipPeriodException($"--period '{text}' is not a month: expected yyyy-MM, e.g. 2026-10.");
        }

        return (text, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The month's WIP: as of its last day, or of <paramref name="asOf"/> when that is earlier (a month not over).</summary>
    public Task<WipPeriodSheet> LoadAsync(TenantData data, string period, DateOnly asOf, string? job, CancellationToken cancellationToken) =>
        LoadAsync(data, period, asOf, job, when => ReadAsync(data, when, cancellationToken), cancellationToken);

    /// <summary>
    /// Issue 17: the report's sheet, with the analysis the other Financial reports of the same date share (refreshed per key
    /// after a write) when the sheet is as of the report's date; a closed or past month reads its own.
    /// </summary>
    internal Task<WipPeriodSheet> LoadAsync(BackOffice.Kernel.Abstractions.Reports.ReportRequest request, string period, CancellationToken cancellationToken) =>
        LoadAsync(request.Data, period, request.AsOf, request.Job, when => when == request.AsOf
            ? Reports.FinancialSnapshot.AnalyseAsync(request, options, cancellationToken)
            : ReadAsync(request.Data, when, cancellationToken),
            cancellationToken);

    private async Task<FinancialAnalysis> ReadAsync(TenantData data, DateOnly when, CancellationToken cancellationToken) =>
        new(await FinancialData.LoadAsync(data, null, when, null, null, null, cancellationToken), when, options);

    private async Task<WipPeriodSheet> LoadAsync(
        TenantData data, string period, DateOnly asOf, string? job, Func<DateOnly, Task<FinancialAnalysis>> analyse, CancellationToken cancellationToken)
    {
        var (name, end) = Parse(period);
        var closed = await data.WipPeriods.GetAsync(name, cancellationToken);
        var prior = await data.WipPeriods.LatestBeforeAsync(name, cancellationToken);
        var priorFigures = prior is null ? new Dictionary<string, WipPeriodFigures>()
            : (await data.WipPeriods.FiguresAsync(prior.Period, cancellationToken)).ToDictionary(f => f.JobId, StringComparer.Ordinal);
        var when = closed?.AsOf ?? (asOf < end ? asOf : end);
        var analysis = await analyse(when);
        var jobId = (await Books.ReportJobs.ResolveAsync(data, job, cancellationToken))?.ProjectKey;
        var stored = closed is null ? null
            : (await data.WipPeriods.FiguresAsync(name, cancellationToken)).ToDictionary(f => f.JobId, StringComparer.Ordinal);
        var rows = new List<WipPeriodRow>();
        foreach (var wip in analysis.Wip(jobId))
        {
            var toDate = stored is null ? (wip.Wip is { } line ? WipPeriodTools.ToDate(line) : null) : stored.GetValueOrDefault(wip.Job.JobId);
            rows.Add(toDate is null
                ? new WipPeriodRow(wip.Job.JobId, wip.Job.Name, null, wip.Problem ?? "not open when the period was closed")
                : new WipPeriodRow(wip.Job.JobId, wip.Job.Name, WipPeriodTools.Period(toDate, priorFigures.GetValueOrDefault(wip.Job.JobId)), null));
        }

        var company = WipPeriodTools.Rollup(CompanyRow, rows.Where(r => r.Line is not null).Select(r => r.Line!).ToList());
        // Issue 16: a period closed with its income keeps what was signed; a back-dated expense does not change it.
        var income = closed?.Income is { } kept
            ? new WipIncome(kept.PeriodGrossProfit, kept.SellingGeneralAndAdministrative, kept.NetIncome)
            : WipPresentationTools.Income(WipPresentationTools.Present(company, options.WipPresentation).PeriodGrossProfit,
                await SgaAsync(data, analysis.Data, prior, cancellationToken));
        return new WipPeriodSheet(name, when, closed, prior, rows, company, options.WipPresentation, income, closed?.Income is not null);
    }

    /// <summary>
    /// SG&amp;A over the same span as the period columns (after the prior close through the as-of date; from the start of
    /// the books when nothing is closed). Configured accounts are matched by id or number. Read from the ledger for an open
    /// period, or one closed before the close stored its income.
    /// </summary>
    private async Task<decimal> SgaAsync(TenantData data, FinancialData books, WipPeriodClose? prior, CancellationToken cancellationToken)
    {
        var accounts = books.Accounts;
        var configured = options.SgaAccounts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sgaIds = accounts.Where(a => configured.Contains(a.Id) || (a.Number is { } n && configured.Contains(n))).Select(a => a.Id).ToList();
        if (configured.Count > 0 && sgaIds.Count == 0)
        {
            throw new WipPeriodException($"{FinancialOptions.SectionName}:SgaAccounts ({string.Join(", ", configured)}) names no ledger account by id or number.");
        }

        var atStart = prior is null ? [] : await data.LedgerFinancials.CostTotalsAsync(prior.AsOf, cancellationToken);
        return WipPresentationTools.SellingGeneralAndAdministrative(
            books.Books.CostTotals, atStart, accounts.ToDictionary(a => a.Id, a => a.Type, StringComparer.Ordinal), sgaIds);
    }

    /// <summary>
    /// The figures a close stores: every open job's WIP to date as of the period's last day, and the company's period
    /// gross profit, SG&amp;A and net income (issue 16). A job that cannot be computed (no contract, no ledger twin) stops
    /// the close, naming it: a signed WIP does not leave a job out quietly.
    /// </summary>
    public async Task<WipPeriodToClose> FiguresToCloseAsync(TenantData data, string period, DateOnly today, CancellationToken cancellationToken)
    {
        var (_, end) = Parse(period);
        if (end >= today)
        {
            throw new WipPeriodException($"Period {period} ends {end:yyyy-MM-dd}; it can be closed from the day after, not on {today:yyyy-MM-dd}.");
        }

        var sheet = await LoadAsync(data, period, end, null, cancellationToken);
        if (sheet.Jobs.FirstOrDefault(r => r.Line is null) is { } blocked)
        {
            throw new WipPeriodException($"Job {blocked.JobId} ({blocked.JobName}) has no WIP figures: {blocked.Problem}. Fix it or close the job before closing {period}.");
        }

        var income = new WipPeriodIncome(sheet.Income.GrossProfit, sheet.Income.SellingGeneralAndAdministrative, sheet.Income.NetIncome);
        return new WipPeriodToClose(sheet.Jobs.Select(r => r.Line!.ToDate).ToList(), income);
    }
}
