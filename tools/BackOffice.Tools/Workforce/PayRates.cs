using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// The rates and parts of a week's required pay as payroll-check shows them (issue 16): regular rate, overtime rate
/// (1.5x), half-time premium rate (0.5x), double-time rate (2x), straight-time earnings, and the overtime and
/// double-time premium together. Each figure is rounded to the cent for display only, half away from zero, from the
/// unrounded regular rate; the week's total stays the one computed by RegularRateTools.Required.
/// </summary>
public sealed record PayRates(
    decimal RegularRate, decimal OvertimeRate, decimal HalfTimePremiumRate, decimal DoubleTimeRate, decimal StraightTimeEarnings, decimal Premium);

public static class PayRatesTools
{
    [Description("The regular, overtime (1.5x), half-time premium (0.5x) and double-time (2x) rates of a week, with straight-time earnings and the premium shown separately, each rounded to the cent for display.")]
    public static PayRates From([Description("The week's required pay from the regular-rate tool")] RequiredPay required) => new(
        MoneyMath.RoundToCent(required.RegularRate), required.OvertimeRate ?? MoneyMath.RoundToCent(required.RegularRate * 1.5m), MoneyMath.RoundToCent(required.RegularRate / 2m),
        MoneyMath.RoundToCent(required.RegularRate * 2m), MoneyMath.RoundToCent(required.StraightTimeEarnings),
        MoneyMath.RoundToCent(required.OvertimeDue));
}
