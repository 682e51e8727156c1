using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Wip;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report wip-period [--period yyyy-MM]` (issue 16): the month's WIP with the prior closed period's figures
/// and this period's revenue, cost and gross profit, a loss by the configured presentation (the other recognition beside it
/// for comparison), and a company row with SG&amp;A and net income.
/// </summary>
public sealed class WipPeriodReport(WipPeriods periods) : IReport
{
    public string Name => "wip-period";

    public string Description => "WIP by period (yyyy-MM): to date, this period (less the prior closed period), change columns, loss as configured (other way beside), company rollup with SG&A and net income";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public static readonly string[] TableColumns =
    [
        "job", "contract", "estimatedTotalCost", "estimateToComplete", "costToDate", "percentComplete", "earnedRevenue", "billedToDate",
        "overUnderBilling", "grossProfitToDate", "grossProfitComparison", "lossProvision", "periodRevenue", "periodCost", "periodGrossProfit",
        "periodGrossProfitComparison", "sga", "netIncome", "note",
    ];

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var sheet = await periods.LoadAsync(request, await PeriodAsync(request, cancellationToken), cancellationToken);
        var rows = sheet.Jobs.Select(r => r.Line is { } line ? Row(r.JobId, r.JobName, line, sheet.Presentation, null) : Problem(r)).ToList();
        var company = Row(WipPeriods.CompanyRow, "Company total", sheet.Company, sheet.Presentation, "jobs with figures summed; net income = period gross profit less SG&A"
            + (sheet.IncomeStored ? "; SG&A and net income as stored at the close" : sheet.Closed is null ? "" : "; SG&A read from the ledger (closed before the close stored it)"));
        company["sga"] = ReportCells.Usd(sheet.Income.SellingGeneralAndAdministrative);
        company["netIncome"] = ReportCells.Usd(sheet.Income.NetIncome);
        rows.Add(company);
        return new ReportTable(Title(sheet), [.. TableColumns], rows);
    }

    /// <summary>
    /// `--period yyyy-MM`, else the latest month with ledger activity on or before the report date (issue 17: not an
    /// empty current month), else the month of the report date.
    /// </summary>
    public static async Task<string> PeriodAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        if (request.Period is { } asked)
        {
            return asked;
        }

        var latest = await request.Data.Ledger.LatestActivityDayAsync(request.AsOf, cancellationToken) ?? request.AsOf;
        return latest.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Title(WipPeriodSheet sheet) =>
        $"WIP for {sheet.Period} as of {sheet.AsOf:yyyy-MM-dd}"
        + (sheet.Closed is { } c ? $" (closed by {c.ClosedBy} at {c.ClosedAt})" : " (open)")
        + (sheet.Prior is { } p ? $"; this period = to date less period {p.Period} as closed" : "; no prior closed period: this period = to date")
        + $"; {sheet.Presentation.Label}; {RoundingStatements.Wip}";

    private static JsonObject Row(string id, string name, WipPeriodLine line, WipPresentation presentation, string? note)
    {
        var t = line.ToDate;
        var shown = WipPresentationTools.Present(line, presentation);
        var billings = BillingsMarginTools.Compute(t.BilledToDate, t.CostToDate);
        return new JsonObject
        {
            ["id"] = id,
            ["job"] = name,
            ["contract"] = ReportCells.Usd(t.Contract),
            ["estimatedTotalCost"] = ReportCells.Usd(t.EstimatedTotalCost),
            ["estimateToComplete"] = ReportCells.Usd(line.EstimateToComplete),
            ["costToDate"] = ReportCells.Usd(t.CostToDate),
            ["percentComplete"] = ReportCells.Percent(t.PercentComplete),
            ["earnedRevenue"] = ReportCells.Usd(t.EarnedRevenue),
            ["billedToDate"] = ReportCells.Usd(t.BilledToDate),
            // Issue 16: gross margin on billings, beside the earned gross profit (in --json, csv and xlsx).
            ["billingsMargin"] = ReportCells.Usd(billings.Margin),
            ["billingsMarginPercent"] = ReportCells.Percent(billings.PercentOfBillings),
            ["overUnderBilling"] = ReportCells.Usd(shown.OverUnderBilling),
            ["grossProfitToDate"] = ReportCells.Usd(shown.GrossProfitToDate),
            ["grossProfitComparison"] = ReportCells.Usd(shown.OtherGrossProfitToDate),
            ["lossProvision"] = ReportCells.Usd(shown.LossProvision),
            ["periodRevenue"] = ReportCells.Usd(line.PeriodRevenue),
            ["periodCost"] = ReportCells.Usd(line.PeriodCost),
            ["periodGrossProfit"] = ReportCells.Usd(shown.PeriodGrossProfit),
            ["periodGrossProfitComparison"] = ReportCells.Usd(shown.OtherPeriodGrossProfit),
            ["periodBilled"] = ReportCells.Usd(line.PeriodBilled),
            ["contractChange"] = ReportCells.Usd(line.ContractChange),
            ["estimateChange"] = ReportCells.Usd(line.EstimatedCostChange),
            ["percentChange"] = ReportCells.Percent(line.PercentChange),
            ["overUnderBillingChange"] = ReportCells.Usd(shown.OverUnderBillingChange),
            ["priorPeriod"] = line.Prior is null ? "none" : "stored",
            ["note"] = note ?? (line.IsLossJob
                ? $"loss job: grossProfitToDate as configured ({presentation.Label}); grossProfitComparison = the other recognition, for comparison only"
                : ""),
        };
    }

    private static JsonObject Problem(WipPeriodRow row) => new()
    {
        ["id"] = row.JobId,
        ["job"] = row.JobName,
        ["note"] = row.Problem,
    };
}
