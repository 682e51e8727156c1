using BackOffice.Agents.Workforce.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Workforce;
using static BackOffice.Agents.Workforce.WorkforceFigures;

namespace BackOffice.Agents.Workforce;

/// <summary>Turns checked employee-weeks into findings and payroll adjustment proposals (issue 7).</summary>
internal static class PayrollPreCheck
{
    public const string Check = "payroll-check";
    private const string Tool = nameof(PayrollCheckTools) + "." + nameof(PayrollCheckTools.Check);

    public static CheckResult Run(EmployeeWeek week)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var r = week.Result;
        if (!r.NeedsAttention && !week.LineWeekMisaligned)
        {
            return CheckResult.Empty;
        }

        var key = $"workforce:{Check}:{r.EmployeeId}:{Day(r.WeekStart)}";
        var figures = Figures(week);
        var narrative = Narrative(week);
        var severity = r.Difference is > 0m || r.Issues.Any(i => i.Kind is "missing-punch" or "overlap" or "closed-job")
            ? Severity.Warning
            : Severity.Info;
        var title = r.Difference is { } d and not 0m
            ? $"{week.Employee.Name}, week of {Day(r.WeekStart)}: the run {(d > 0m ? "underpays" : "overpays")} by {MoneyText.Usd(Math.Abs(d))}"
            : $"{week.Employee.Name}, week of {Day(r.WeekStart)}: {string.Join("; ", r.Problems.Concat(r.Issues.Select(i => i.Kind)).Distinct().Take(2))}";
        findings.Add(new Finding(key, "workforce", Check, severity, title, figures, narrative));
        if (r.CanProposeAdjustment)
        {
            proposals.Add(Adjustment(week, figures, narrative, key));
        }

        return CheckResult.Of(findings, proposals);
    }

    private static List<Figure> Figures(EmployeeWeek week)
    {
        var r = week.Result;
        var cards = week.Timecards.Select(c => new SourceRef("workforce", "workforce_timecards", c.Id)).ToArray();
        var line = r.Line is null ? [] : new[] { new SourceRef("workforce", "workforce_payroll_lines", r.Line.Id) };
        var employee = new SourceRef("workforce", "workforce_employees", week.Employee.Id);
        var figures = new List<Figure>
        {
            Figure.Date("week_start", r.WeekStart, Tool, line),
            Hours("clocked_hours", r.ClockedHours, "TimecardTools.Workweek", cards),
            Hours("claimed_hours", r.ClaimedHours, Tool, line),
            Hours("required_regular_hours", r.Split.RegularHours, "OvertimeTools.SplitWeek", cards),
            Hours("required_overtime_hours", r.Split.OvertimeHours, "OvertimeTools.SplitWeek", cards),
            Hours("required_double_time_hours", r.Split.DoubleTimeHours, "OvertimeTools.SplitWeek", cards),
            Figure.Count("punch_issues", r.Issues.Count, "TimecardTools.Workweek", cards),
        };
        if (r.Line is { } l)
        {
            figures.Add(Hours("paid_overtime_hours", l.OvertimeHours, Tool, line));
            figures.Add(Hours("paid_double_time_hours", l.DoubleTimeHours, Tool, line));
            figures.Add(Figure.Usd("bonus", l.Bonus, Tool, line));
            figures.Add(Figure.Usd("paid_gross", l.GrossPay, Tool, line));
        }

        if (r.Required is { } p)
        {
            // The regular rate is carried unrounded in the computation; the figure shows it to the cent.
            figures.Add(Figure.Usd("regular_rate", MoneyMath.RoundToCent(p.RegularRate), "RegularRateTools.Required", [.. cards, .. line, employee]));
            figures.Add(Figure.Usd("required_gross", p.Total, "RegularRateTools.Required", [.. cards, .. line, employee]));
            if (p.Rule != RegularRateTools.WeightedAverageRule)
            {
                // Issue 16: salaried and flat-sum-bonus weeks also show the overtime their rule owes (hourly weeks keep
                // their figures as before, so their findings are unchanged).
                figures.Add(Figure.Usd("overtime_due", p.OvertimeDue, "PayBasisTools.Required", [.. cards, .. line, employee]));
            }

            if (p.RestPeriods is { } rest)
            {
                // Issue 16: Labor Code 226.2 rest and recovery period pay, part of the required straight time.
                figures.Add(Figure.Usd("rest_period_pay", rest.Pay, "CaliforniaPieceRateTools.ForWeek", [.. line, employee]));
            }
        }

        if (r.Difference is { } d)
        {
            figures.Add(Figure.Usd("difference", d, Tool, [.. cards, .. line, employee]));
        }

        return figures;
    }

    private static string Narrative(EmployeeWeek week)
    {
        var r = week.Result;
        var e = week.Employee;
        var text = $"{e.Name} ({e.WorkState}, {r.Split.Rule} overtime rules) clocked {H(r.ClockedHours)} hours in the workweek starting {Day(r.WeekStart)}";
        text += r.Line is { } l
            ? $"; payroll run {l.RunId} claims {H(r.ClaimedHours)} hours, {H(l.OvertimeHours)} of them overtime and {H(l.DoubleTimeHours)} double time."
            : "; the payroll run has no line for this employee and week.";
        text += $" The rules give {H(r.Split.RegularHours)} regular, {H(r.Split.OvertimeHours)} overtime and {H(r.Split.DoubleTimeHours)} double-time hours.";
        if (r.Required is { Rule: not RegularRateTools.WeightedAverageRule } due && r.Line is { } paidLine)
        {
            text += $" Pay rule: {due.Rule}; regular rate {MoneyText.Usd(MoneyMath.RoundToCent(due.RegularRate))}, overtime due {MoneyText.Usd(due.OvertimeDue)}." +
                    $" The run pays {MoneyText.Usd(paidLine.GrossPay)}; the rule requires {MoneyText.Usd(due.Total)}, a difference of {MoneyText.Usd(r.Difference!.Value)}.";
        }
        else if (r.Required is { } p && r.Line is { } line)
        {
            text += $" The regular rate, with the {MoneyText.Usd(line.Bonus)} bonus and every shift's rate averaged over all hours, is " +
                    $"{MoneyText.Usd(MoneyMath.RoundToCent(p.RegularRate))} an hour. The run pays {MoneyText.Usd(line.GrossPay)}; the rules require " +
                    $"{MoneyText.Usd(p.Total)} (exact until the week's total, then rounded once to the cent), a difference of {MoneyText.Usd(r.Difference!.Value)}.";
        }

        if (week.LineWeekMisaligned)
        {
            text += $" The payroll line's week does not start on the tenant's workweek start day; it was checked as the workweek starting {Day(r.WeekStart)}.";
        }

        var problems = r.Problems.Concat(r.Issues.Select(i => $"{i.TimecardId}: {i.Detail}")).ToList();
        return problems.Count == 0 ? text : text + " Problems: " + string.Join("; ", problems) + ".";
    }

    private static ProposalDraft Adjustment(EmployeeWeek week, IReadOnlyList<Figure> figures, string narrative, string findingKey)
    {
        var r = week.Result;
        var line = r.Line!;
        var payload = ActionPayloadJson.ToJson(new PayrollAdjustmentPayload(
            week.Employee.Id, week.Employee.Name, line.RunId, line.Id, Day(r.WeekStart), MoneyText.Plain(r.Difference!.Value),
            MoneyText.Plain(line.GrossPay), MoneyText.Plain(r.Required!.Total), $"Overtime and regular-rate correction, workweek starting {Day(r.WeekStart)}"));
        return new ProposalDraft(
            "workforce", PayrollAdjustmentPayload.Kind,
            $"Payroll adjustment {MoneyText.Usd(r.Difference.Value)} for {week.Employee.Name}, week of {Day(r.WeekStart)}",
            RiskClass.Money, ProposalKeys.For("wf-adj-", payload), payload, figures, narrative, ["amount", "memo"], FindingKey: findingKey);
    }
}
