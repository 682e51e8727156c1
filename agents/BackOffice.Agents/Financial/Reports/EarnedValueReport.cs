using System.Text.Json.Nodes;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.EarnedValue;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report earned-value [--job J]` (issue 16): per job, BAC (revised budget), PV and EV time-phased from the
/// schedule (crew-hour weighted; rounded to the cent once), AC (the ledger's cost to date, loaded like WIP), CV, SV,
/// CPI, SPI, TCPI to BAC (four places), then every EAC method, labelled, with its ETC, VAC and TCPI.
/// </summary>
public sealed class EarnedValueReport(FinancialOptions options) : IReport
{
    public string Name => "earned-value";

    public string Description => "Earned value per job: BAC, PV, EV, AC, CV, SV, CPI, SPI, TCPI and the EAC by each documented method with ETC and VAC";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var tasks = (await request.Data.Workforce.ScheduleTasksAsync(cancellationToken)).ToLookup(t => t.JobId);
        var spreads = (await request.Data.ProjectFinancials.BudgetSpreadsAsync(cancellationToken)).ToLookup(s => s.JobId);
        var rows = new List<JsonObject>();
        foreach (var job in analysis.Wip(await ReportCells.JobIdAsync(request, cancellationToken)))
        {
            var budget = analysis.Data.Books.BudgetLines.Where(b => b.JobId == job.Job.JobId).ToList();
            var bac = budget.Sum(b => b.Revised);
            var plan = job.Wip is null ? null : Plan(job, bac, budget, [.. tasks[job.Job.JobId]], [.. spreads[job.Job.JobId]], request.AsOf, options.PlannedValueCurve);
            if (plan is null)
            {
                rows.Add(Row(job.Job.JobId, job.Job.Name, "note", null, job.Problem ?? (tasks[job.Job.JobId].Any()
                    ? "schedule tasks carry neither crew hours nor a cost code of the budget, and there is no time-phased budget or PlannedValueCurve: PV and EV need one"
                    : "no schedule tasks, time-phased budget or PlannedValueCurve: PV and EV need one")));
                continue;
            }

            var ac = job.Wip!.CostToDate;
            var bottomUp = job.Estimates.FirstOrDefault(e => e.Method == EacMethod.ActualPlusEstimateToComplete)?.EstimateAtCompletion - ac;
            var pm = job.Estimates.FirstOrDefault(e => e.Method == EacMethod.PmForecast)?.EstimateAtCompletion;
            var result = EarnedValueTools.Measure(new EarnedValueInput(bac, plan.Value.Pv, plan.Value.Ev, ac, bottomUp, pm));
            rows.AddRange(Rows(job.Job.JobId, job.Job.Name, result));
            rows.Add(Row(job.Job.JobId, job.Job.Name, "schedule", null, plan.Value.Label));
        }

        return new ReportTable(RoundingStatements.Titled(ReportCells.Title("Earned value", request), RoundingStatements.EarnedValue), ["job", "measure", "value", "label"], rows);
    }

    /// <summary>
    /// PV and EV, each rounded once to the cent. A schedule that weighs its tasks wins (issue 14: a budget-weighted one,
    /// Procore's, plans the budget it covers; a crew-hour one plans the BAC). Without one, issue 16: PV is the job's
    /// time-phased budget cumulated to the date, else the configured curve over the job's start to completion dates; EV
    /// is then the BAC at the share of the contract WIP has earned (cost to cost, or physical progress when configured).
    /// Null when nothing plans the job.
    /// </summary>
    private static (decimal Pv, decimal Ev, string Label)? Plan(
        JobWip job, decimal bac, IReadOnlyList<BudgetLine> budget, IReadOnlyList<ScheduleTask> tasks, IReadOnlyList<BudgetSpread> spread, DateOnly asOf,
        PlannedValueCurve curve)
    {
        var schedule = ScheduleWeights.Weigh(tasks,
            budget.GroupBy(b => b.CostCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Revised), StringComparer.Ordinal));
        if (schedule.Activities.Sum(a => a.Weight) != 0m)
        {
            var basis = schedule.Basis ?? bac;
            var position = SchedulePhasing.Position(schedule.Activities, asOf);
            return (MoneyMath.RoundToCent(basis * position.PlannedFraction), MoneyMath.RoundToCent(basis * position.EarnedFraction),
                "PV and EV weighted by " + schedule.Weighting);
        }

        if (job.Wip is not { Contract: > 0m } wip)
        {
            return null;
        }

        var ev = MoneyMath.RoundToCent(bac * wip.EarnedRevenue / wip.Contract);
        const string EvLabel = "; EV = BAC x WIP's earned share of the contract";
        if (spread.Count > 0)
        {
            return (MoneyMath.RoundToCent(BudgetSpreadTools.PlannedValue(spread, asOf)), ev, "PV from the time-phased budget (budget-spreads.csv)" + EvLabel);
        }

        return curve != PlannedValueCurve.None && job.Job is { StartDate: { } start, CompletionDate: { } end } && end >= start
            ? (MoneyMath.RoundToCent(bac * BudgetSpreadTools.CurveFraction(curve, start, end, asOf)), ev,
                $"PV from the configured {curve} curve over {start:yyyy-MM-dd} to {end:yyyy-MM-dd}" + EvLabel)
            : null;
    }

    private static IEnumerable<JsonObject> Rows(string id, string job, EarnedValueResult r)
    {
        (string Measure, decimal? Value, bool Index)[] measures =
        [
            ("BAC", r.Input.Bac, false), ("PV", r.Input.Pv, false), ("EV", r.Input.Ev, false), ("AC", r.Input.Ac, false),
            ("CV", r.Cv, false), ("SV", r.Sv, false), ("CPI", r.Cpi, true), ("SPI", r.Spi, true), ("TCPI to BAC", r.TcpiToBac, true),
        ];
        foreach (var (measure, value, index) in measures)
        {
            yield return Row(id, job, measure, index ? Index(value) : ReportCells.Usd(value), index ? "index, 4 places" : "dollars");
        }

        foreach (var e in r.Estimates)
        {
            yield return Row(id, job, "EAC", ReportCells.Usd(e.Eac), e.Label);
            yield return Row(id, job, "ETC", ReportCells.Usd(e.Etc), e.Label);
            yield return Row(id, job, "VAC", ReportCells.Usd(e.Vac), e.Label);
            yield return Row(id, job, "TCPI to EAC", Index(e.TcpiToEac), e.Label);
        }
    }

    private static JsonNode? Index(decimal? value) => value?.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Row(string id, string job, string measure, JsonNode? value, string label) => new()
    {
        ["id"] = $"{id}:{measure}:{label}",
        ["job"] = job,
        ["measure"] = measure,
        ["value"] = value,
        ["label"] = label,
    };
}
