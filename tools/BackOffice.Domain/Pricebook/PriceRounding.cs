using BackOffice.Domain.Money;

namespace BackOffice.Domain.Pricebook;

/// <summary>
/// THE rounding point of a sell price (issue 8). The exact price (cost x (1 + markup), or the minimum-margin floor
/// cost / (1 - margin) when that is higher) is rounded to the cent once, here. Half away from zero (MoneyMath),
/// except when the floor decides the price: then it rounds up, because rounding a floor down would sell below the
/// minimum margin the rule promises.
/// </summary>
public static class PriceRounding
{
    public static decimal SellPrice(decimal exactPrice, bool floorDecides) =>
        floorDecides ? Math.Ceiling(exactPrice * 100m) / 100m : MoneyMath.RoundToCent(exactPrice);

    /// <summary>A change in percent for people and thresholds, to 2 decimals half away from zero; null when the old value is zero.</summary>
    public static decimal? ChangePercent(decimal oldValue, decimal newValue) =>
        oldValue == 0m ? null : Math.Round((newValue - oldValue) / oldValue * 100m, 2, MidpointRounding.AwayFromZero);
}
