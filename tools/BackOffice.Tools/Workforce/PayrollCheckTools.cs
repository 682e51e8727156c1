using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// The pre-check of one employee's workweek. <paramref name="Difference"/> is required minus paid gross, to the cent
/// (positive: the run underpays). <paramref name="Required"/> is null when the hours cannot be trusted enough to
/// compute pay (an open punch): the check then fails closed and says so in <paramref name="Problems"/>.
/// </summary>
public sealed record PayrollCheckResult(
    string EmployeeId, DateOnly WeekStart, OvertimeSplit Split, RequiredPay? Required, PayrollLine? Line,
    decimal ClockedHours, decimal ClaimedHours, decimal HoursGap, decimal? Difference,
    IReadOnlyList<PunchIssue> Issues, IReadOnlyList<string> Problems)
{
    /// <summary>A payroll adjustment can be proposed: the pay differs and nothing about the hours is in doubt.</summary>
    public bool CanProposeAdjustment => Line is not null && Required is not null && Difference is not null and not 0m &&
                                        !Issues.Any(i => i.Kind is "missing-punch" or "overlap");

    public bool NeedsAttention => Issues.Count > 0 || Problems.Count > 0;
}

/// <summary>Compares a payroll run with the time clock and the overtime rules (issue 7).</summary>
public static class PayrollCheckTools
{
    /// <summary>Default tolerance between clocked and claimed hours: a quarter hour (a common time-clock rounding unit).</summary>
    public const decimal DefaultHoursTolerance = 0.25m;

    [Description("Check one employee's workweek: clocked vs claimed hours, punch problems, overtime and double time under the work state's rules, the regular rate with bonus and blended rates, and the difference between what the run pays and what the rules require, to the cent.")]
    public static PayrollCheckResult Check(
        [Description("The employee")] Employee employee,
        [Description("First day of the workweek, yyyy-MM-dd")] DateOnly weekStart,
        [Description("The employee's clocked hours in that workweek, from TimecardTools.Workweek")] WorkweekHours clocked,
        [Description("The payroll run's line for this employee and week, or null if the run leaves the employee out")] PayrollLine? line,
        [Description("Punch problems found by JobChecks, added to the week's own")] IReadOnlyList<PunchIssue> jobIssues,
        [Description("Largest allowed gap between clocked and claimed hours, e.g. 0.25")] decimal hoursTolerance,
        [Description("The minimum wage an hour for California rest-period pay (Labor Code 226.2) where the payroll line states none, e.g. 16.90")] decimal minimumWage = CaliforniaPieceRateTools.CaliforniaMinimumWage,
        [Description("The minimum wage an hour the conditions of 29 CFR 778.418 are tested against where the payroll line states none, e.g. 7.25")] decimal agreedMinimumWage = PieceRateOvertimeTools.FederalMinimumWage)
    {
        var split = OvertimeTools.SplitWeek(clocked.DailyHours, OvertimeTools.RuleFor(employee.WorkState), weekStart);
        var issues = clocked.Issues.Concat(jobIssues).ToList();
        var problems = new List<string>();
        var hoursKnown = clocked.TotalHours > 0m && !issues.Any(i => i.Kind == "missing-punch");
        var required = !hoursKnown ? null
            : employee.Piecework is not null ? PieceworkTools.ForWeek(employee, clocked, split, line, minimumWage, agreedMinimumWage)
            : PayBasisTools.Required(employee, split, clocked.Segments, line?.Bonus ?? 0m, line?.FlatSumBonus ?? false);
        CheckPayBasis(employee, split, problems);
        // Issue 16: why a rule the pay names was not applied (an agreed overtime piece rate failing 29 CFR 778.418).
        problems.AddRange(required?.Notes ?? []);
        CheckPieceColumns(employee, clocked, split, line, problems);

        if (!hoursKnown && clocked.TotalHours > 0m)
        {
            problems.Add("an open punch leaves the week's hours unknown, so the pay due cannot be computed");
        }
        else if (hoursKnown && required is null && line is not null)
        {
            // Issue 16: a piece-rate week is checked only against the piece earnings its payroll line states (778.111).
            problems.Add("a piece-rate employee's payroll line states no piece_earnings, so the pay due cannot be computed");
        }

        var claimed = line?.ClaimedHours ?? 0m;
        var gap = clocked.TotalHours - claimed;
        if (line is null && clocked.TotalHours > 0m)
        {
            problems.Add(FormattableString.Invariant($"clocked {clocked.TotalHours:0.##} h but the payroll run has no line for this employee and week"));
        }
        else if (line is not null)
        {
            if (Math.Abs(gap) > hoursTolerance)
            {
                problems.Add(FormattableString.Invariant($"clocked {clocked.TotalHours:0.##} h but the run claims {claimed:0.##} h (tolerance {hoursTolerance:0.##} h)"));
            }

            CompareClasses(line, split, hoursTolerance, problems);
        }

        decimal? difference = required is not null && line is not null ? required.Total - line.GrossPay : null;
        if (difference is { } d && d != 0m)
        {
            problems.Add(FormattableString.Invariant($"the run pays {line!.GrossPay:0.00} but the rules require {required!.Total:0.00}"));
        }

        return new PayrollCheckResult(employee.Id, weekStart, split, required, line, clocked.TotalHours, claimed, gap, difference, issues, problems);
    }

    [Description("Punches on no job, an unknown job, a closed job, or a job where the employee's trade has no scheduled task (not assigned).")]
    public static IReadOnlyList<PunchIssue> JobChecks(
        [Description("The employee's timecards in the week")] IReadOnlyList<Timecard> timecards,
        [Description("The employee's trade, e.g. Carpentry; a timecard's own trade overrides it")] string trade,
        [Description("Job id -> status (active, closed, on_hold)")] IReadOnlyDictionary<string, string> jobStatus,
        [Description("Schedule tasks of all jobs; a trade with a task on a job counts as assigned to it")] IReadOnlyList<ScheduleTask> tasks)
    {
        var issues = new List<PunchIssue>();
        foreach (var card in timecards.OrderBy(c => c.ClockIn))
        {
            // Issue 16: a timecard worked in another trade is checked against that trade's tasks.
            var worked = string.IsNullOrWhiteSpace(card.Trade) ? trade : card.Trade.Trim();
            if (card.JobId is null)
            {
                issues.Add(new PunchIssue(card.Id, "no-job", "punch has no job, so its cost lands on no job"));
            }
            else if (!jobStatus.TryGetValue(card.JobId, out var status))
            {
                issues.Add(new PunchIssue(card.Id, "unknown-job", $"job {card.JobId} is not in the project system"));
            }
            else if (status == "closed")
            {
                issues.Add(new PunchIssue(card.Id, "closed-job", $"job {card.JobId} is closed"));
            }
            else if (!tasks.Any(t => t.JobId == card.JobId && string.Equals(t.Trade.Trim(), worked, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add(new PunchIssue(card.Id, "not-assigned", $"no {worked} task is scheduled on job {card.JobId}"));
            }
        }

        return issues;
    }

    /// <summary>Issue 16: California does not allow the fluctuating workweek (Skyline Homes v. DIR (1985) 165 Cal.App.3d 239).</summary>
    private static void CheckPayBasis(Employee employee, OvertimeSplit split, List<string> problems)
    {
        if (employee.Salary is { Basis: PayBasis.SalaryFluctuating } && split.Rule == OvertimeRule.California)
        {
            problems.Add("the fluctuating workweek is not allowed in California (Skyline Homes v. DIR, 1985); checked as 1/40 of the weekly salary (Labor Code 515(d))");
        }
    }

    /// <summary>Issue 16: payroll-line piece columns the employee's pay does not use (778.418, Labor Code 226.2), named so none is silently dropped.</summary>
    private static void CheckPieceColumns(Employee employee, WorkweekHours clocked, OvertimeSplit split, PayrollLine? line, List<string> problems)
    {
        if (line?.PieceRate is not null && employee.Piecework?.Basis != PayBasis.PieceRate)
        {
            problems.Add("the payroll line states piece_rate and overtime_piece_rate, which rate a piece-rate employee's overtime pieces (29 CFR 778.418(c)); not counted");
        }
        else if (line?.OvertimePieces is not null && employee.Piecework?.OvertimePieceRate is null && line.OvertimePieceRate is null)
        {
            problems.Add("the payroll line states overtime_pieces but the employee has no agreed overtime_piece_rate (29 CFR 778.418); its pieces are not counted");
        }

        if (line?.RestHours is not { } rest)
        {
            // Issue 16: a California piece-rate week owes rest and recovery pay apart from the pieces (Labor Code 226.2(a)(1));
            // a line without rest_hours would otherwise be checked as owing none, so the missing field is the finding.
            if (line is not null && employee.Piecework?.Basis == PayBasis.PieceRate && split.Rule == OvertimeRule.California && clocked.TotalHours > 0m)
            {
                problems.Add("the payroll line states no rest_hours for a piece-rate week in California, so the rest and recovery pay it owes (Labor Code 226.2) is not checked");
            }

            return;
        }

        if (employee.Piecework?.Basis != PayBasis.PieceRate || split.Rule != OvertimeRule.California)
        {
            problems.Add("the payroll line states rest_hours, which pay only a piece-rate employee working in California (Labor Code 226.2); not counted");
        }
        else if (rest >= clocked.TotalHours && clocked.TotalHours > 0m)
        {
            problems.Add(FormattableString.Invariant($"the payroll line states {rest:0.####} rest hours, not fewer than the {clocked.TotalHours:0.##} hours worked; rest pay (Labor Code 226.2) not computed"));
        }
    }

    /// <summary>The run's split of hours into classes against the rules' split: underpaid overtime shows here even when totals match.</summary>
    private static void CompareClasses(PayrollLine line, OvertimeSplit split, decimal tolerance, List<string> problems)
    {
        if (Math.Abs(line.OvertimeHours - split.OvertimeHours) > tolerance)
        {
            problems.Add(FormattableString.Invariant($"the run pays {line.OvertimeHours:0.##} overtime hours; the {split.Rule} rules give {split.OvertimeHours:0.##}"));
        }

        if (Math.Abs(line.DoubleTimeHours - split.DoubleTimeHours) > tolerance)
        {
            problems.Add(FormattableString.Invariant($"the run pays {line.DoubleTimeHours:0.##} double-time hours; the {split.Rule} rules give {split.DoubleTimeHours:0.##}"));
        }
    }
}
