using BackOffice.Agents.Workforce.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Workforce;
using static BackOffice.Agents.Workforce.WorkforceFigures;

namespace BackOffice.Agents.Workforce;

/// <summary>Turns the staffing forecast into one finding and one staffing alert per understaffed trade (issue 7).</summary>
internal static class StaffingCheck
{
    public const string Check = "staffing";
    private const string Tool = nameof(StaffingTools) + "." + nameof(StaffingTools.Forecast);

    public static CheckResult Run(IReadOnlyList<TradeWeek> forecast)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        foreach (var trade in forecast.Where(r => !r.Subcontracted).GroupBy(r => r.Trade, StringComparer.OrdinalIgnoreCase))
        {
            var short_ = trade.Where(r => r.ImpliedOvertimeHours > 0m).ToList();
            if (short_.Count == 0)
            {
                continue;
            }

            var first = trade.Min(r => r.WeekStart);
            var key = $"workforce:{Check}:{trade.Key}:{Day(first)}";
            var sources = short_.SelectMany(r => r.TaskIds).Distinct(StringComparer.Ordinal)
                .Select(id => new SourceRef("project", "project_schedule_tasks", id)).ToArray();
            var overtime = short_.Sum(r => r.ImpliedOvertimeHours);
            var avoidable = short_.Sum(r => r.AvoidableOvertimeHours);
            var figures = new List<Figure>
            {
                Figure.Count("crew", short_[0].Crew, Tool, sources),
                Hours("capacity_hours_per_week", short_[0].CapacityHours, Tool, sources),
                Figure.Count("weeks_short", short_.Count, Tool, sources),
                Hours("implied_overtime_hours", overtime, Tool, sources),
                Hours("avoidable_overtime_hours", avoidable, Tool, sources),
                Figure.Usd("overtime_premium", short_.Sum(r => r.OvertimePremium), Tool, sources),
                Figure.Usd("avoidable_premium", short_.Sum(r => r.AvoidablePremium), Tool, sources),
                Figure.Count("crew_to_add", short_.Max(r => r.CrewToAdd), Tool, sources),
                Figure.Date("first_short_week", short_[0].WeekStart, Tool, sources),
            };
            var weeks = string.Join("; ", short_.Select(r => $"week of {Day(r.WeekStart)}: {H(r.DemandHours)} h needed, {H(r.CapacityHours)} h of crew"));
            var narrative =
                $"{trade.Key}: the schedule needs more crew hours than the {short_[0].Crew}-person crew gives at straight time in {short_.Count} " +
                $"of the next {trade.Count()} weeks ({weeks}). Holding the plan implies {H(overtime)} overtime hours, a premium of " +
                $"{MoneyText.Usd(short_.Sum(r => r.OvertimePremium))} at the crew's average base rate; {H(avoidable)} of those hours fit into spare " +
                $"{trade.Key} hours in other weeks (move the work: {MoneyText.Usd(short_.Sum(r => r.AvoidablePremium))} avoided)" +
                (short_.Max(r => r.CrewToAdd) is var add and > 0 ? $", and the rest needs up to {add} more people or a later finish." : ", so no crew needs to be added.");
            findings.Add(new Finding(key, "workforce", Check, Severity.Warning, $"{trade.Key} understaffed from the week of {Day(short_[0].WeekStart)}", figures, narrative));
            var payload = ActionPayloadJson.ToJson(new StaffingAlertPayload(trade.Key, [.. short_.Select(r => new StaffingAlertWeek(
                Day(r.WeekStart), H(r.DemandHours), H(r.CapacityHours), H(r.ImpliedOvertimeHours), H(r.AvoidableOvertimeHours), r.CrewToAdd))], narrative));
            proposals.Add(new ProposalDraft(
                "workforce", StaffingAlertPayload.Kind, $"Staffing alert: {trade.Key} short {H(overtime)} crew hours", RiskClass.Routine,
                ProposalKeys.For("wf-staff-", payload), payload, figures, narrative, ["message"], FindingKey: key));
        }

        return CheckResult.Of(findings, proposals);
    }
}
