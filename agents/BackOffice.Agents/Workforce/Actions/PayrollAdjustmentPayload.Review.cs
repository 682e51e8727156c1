using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Workforce.Actions;

/// <summary>Issue 19: an edited adjustment is in cents and not zero (it may take back), for an active employee.</summary>
public sealed partial record PayrollAdjustmentPayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "employee_id", EmployeeId);
        PayloadChecks.Required(problems, "payroll_line_id", PayrollLineId);
        PayloadChecks.Date(problems, "week_start", WeekStart);
        PayloadChecks.Amount(problems, "amount", Amount, SignRule.NonZero);
        return problems;
    }

    public IEnumerable<PayloadReference> References()
    {
        yield return new PayloadReference("employee_id", RecordKind.Employee, EmployeeId);
    }

    public PayloadSummary? Describe()
    {
        var amount = decimal.Parse(Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var who = string.IsNullOrWhiteSpace(EmployeeName) ? EmployeeId : EmployeeName;
        return new PayloadSummary(
            $"Payroll adjustment of {MoneyText.Usd(amount)} for {who}, week of {WeekStart}",
            [Figure.Usd("adjustment", amount, nameof(PayrollAdjustmentPayload), PayloadSource)],
            $"An adjustment of {MoneyText.Usd(amount)} to payroll line {PayrollLineId} of {who} for the week of {WeekStart}.",
            amount);
    }
}
