using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Workforce.Actions;

/// <summary>
/// The "payroll.adjustment" payload (issue 7): the correction owed on one payroll line, amounts in dollars as text
/// ("243.00"). An approver may edit amount and memo.
/// </summary>
public sealed partial record PayrollAdjustmentPayload(
    string EmployeeId,
    string EmployeeName,
    string RunId,
    string PayrollLineId,
    string WeekStart,
    string Amount,
    string PaidGross,
    string RequiredGross,
    string Memo) : IActionPayload
{
    public static string Kind => "payroll.adjustment";
}
