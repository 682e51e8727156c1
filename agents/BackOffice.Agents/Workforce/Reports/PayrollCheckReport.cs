using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Workforce;
using static BackOffice.Agents.Workforce.WorkforceFigures;

namespace BackOffice.Agents.Workforce.Reports;

/// <summary>
/// `backoffice report payroll-check --week D`: every employee of the workweek containing D (the tenant's workweek),
/// clocked vs claimed hours, the hours the overtime rules give, the regular rate and the pay difference (issue 7).
/// `--job J` keeps employees who punched on job J that week.
/// </summary>
public sealed class PayrollCheckReport(WorkforceSettings settings) : IReport
{
    public string Name => "payroll-check";

    public string Description => "Payroll pre-check for one workweek: hours, overtime rules, regular rate, pay difference per employee";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        // Issue 17: shared by the Workforce reports of the date, and refreshed per table after a write.
        var data = await WorkforceSnapshot.LoadAsync(request, cancellationToken);
        var startDay = settings.WorkweekStart(request.Tenant);
        var week = TimecardTools.WorkweekStart(request.AsOf, startDay);
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var checkedWeeks = await PayrollWeek.CheckAsync(data, week, startDay, settings.HoursTolerance(request.Tenant), settings.MinimumWage(request.Tenant), settings.AgreedPieceRateMinimumWage(request.Tenant), cancellationToken);
        var rows = checkedWeeks
            .Where(w => job is null || w.Timecards.Any(c => job.Is(c.JobId)))
            .Select(Row).ToList();
        return new ReportTable(
            RoundingStatements.Titled($"Payroll pre-check, workweek starting {Day(week)} ({startDay}) for {request.Tenant}", RoundingStatements.PayrollCheck),
            ["employee", "state", "clocked", "claimed", "reg", "ot", "dt", "paidOt", "regularRate", "overtimeRate", "halfTimePremium", "doubleTimeRate", "straightTime", "premium", "payRule", "overtimeDue", "required", "paid", "difference", "issues"], rows);
    }

    private static JsonObject Row(EmployeeWeek w)
    {
        var r = w.Result;
        return new JsonObject
        {
            ["id"] = w.Employee.Id,
            ["employee"] = w.Employee.Name,
            ["state"] = w.Employee.WorkState,
            ["rule"] = r.Split.Rule.ToString(),
            ["weekStart"] = Day(r.WeekStart),
            ["clocked"] = H(r.ClockedHours),
            ["claimed"] = H(r.ClaimedHours),
            ["reg"] = H(r.Split.RegularHours),
            ["ot"] = H(r.Split.OvertimeHours),
            ["dt"] = H(r.Split.DoubleTimeHours),
            ["paidOt"] = r.Line is null ? null : H(r.Line.OvertimeHours),
            ["paidDt"] = r.Line is null ? null : H(r.Line.DoubleTimeHours),
            ["bonus"] = r.Line is null ? null : MoneyText.Plain(r.Line.Bonus),
            ["regularRate"] = r.Required is null ? null : MoneyText.Plain(MoneyMath.RoundToCent(r.Required.RegularRate)),
            // Issue 16: the rates and the straight-time / premium split, each rounded for display (PayRatesTools).
            ["overtimeRate"] = Rate(r.Required, p => p.OvertimeRate),
            ["halfTimePremium"] = Rate(r.Required, p => p.HalfTimePremiumRate),
            ["doubleTimeRate"] = Rate(r.Required, p => p.DoubleTimeRate),
            ["straightTime"] = Rate(r.Required, p => p.StraightTimeEarnings),
            ["premium"] = Rate(r.Required, p => p.Premium),
            // Issue 16: the pay basis's rule (hourly weighted average, 778.113, 778.114, Labor Code 515(d), Alvarado) and
            // the overtime it owes beyond straight time or salary; each part is rounded where its tool says.
            ["payBasis"] = (w.Employee.Piecework?.Basis ?? w.Employee.Salary?.Basis)?.ToString() ?? "Hourly",
            ["payRule"] = r.Required?.Rule,
            ["overtimeDue"] = r.Required is null ? null : MoneyText.Plain(r.Required.OvertimeDue),
            ["required"] = r.Required is null ? null : MoneyText.Plain(r.Required.Total),
            ["paid"] = r.Line is null ? null : MoneyText.Plain(r.Line.GrossPay),
            ["difference"] = r.Difference is null ? null : MoneyText.Plain(r.Difference.Value),
            // Issue 16: a California piece-rate week's rest and recovery period pay (Labor Code 226.2), inside straightTime.
            ["restHours"] = r.Required?.RestPeriods is { } rest ? rest.RestHours.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : null,
            ["restRate"] = r.Required?.RestPeriods is { } atRate ? MoneyText.Plain(atRate.Rate) : null,
            ["restPay"] = r.Required?.RestPeriods is { } paid ? MoneyText.Plain(paid.Pay) : null,
            ["issues"] = string.Join("; ", r.Problems.Concat(r.Issues.Select(i => $"{i.TimecardId} {i.Kind}"))),
        };
    }

    private static JsonNode? Rate(RequiredPay? required, Func<PayRates, decimal> pick) =>
        required is null ? null : MoneyText.Plain(pick(PayRatesTools.From(required)));
}
