using System.Globalization;

namespace BackOffice.Domain.Money;

/// <summary>
/// How amounts are written for people: "$18,400.00", "-$1,840.00". Always invariant culture. Issue 16: writing an amount
/// with more than two places is a rounding point, so it is made explicit (to the cent, half away from zero, as
/// MoneyMath.RoundToCent) rather than left to the format string.
/// </summary>
public static class MoneyText
{
    public static string Usd(decimal amount)
    {
        var cents = MoneyMath.RoundToCent(amount);
        return (cents < 0 ? "-$" : "$") + Math.Abs(cents).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    public static string Plain(decimal amount) => MoneyMath.RoundToCent(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
