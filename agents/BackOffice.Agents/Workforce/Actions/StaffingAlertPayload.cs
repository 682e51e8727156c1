using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Workforce.Actions;

/// <summary>The "workforce.staffing-alert" payload (issue 7): a trade's short weeks and the message to send (editable).</summary>
public sealed record StaffingAlertPayload(string Trade, IReadOnlyList<StaffingAlertWeek> Weeks, string Message) : IActionPayload
{
    public static string Kind => "workforce.staffing-alert";
}

/// <summary>One short week; hours as invariant text ("42.5"), as in the finding's figures.</summary>
public sealed record StaffingAlertWeek(
    string WeekStart, string DemandHours, string CapacityHours, string ImpliedOvertimeHours, string AvoidableOvertimeHours, int CrewToAdd);
