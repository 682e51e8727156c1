using System.Globalization;

namespace BackOffice.Domain.Money;

/// <summary>How amounts are written for people: "$18,400.00", "-$1,840.00". Always invariant culture.</summary>
public static class MoneyText
{
    public static string Usd(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
