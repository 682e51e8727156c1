namespace BackOffice.Domain.Pricebook;

/// <summary>
/// Pricebook unit costs are stored as INTEGER ten-thousandths of a dollar (<c>unit_cost_e4</c>). A converted cost
/// (a price per 100 ft turned into a price per metre) can carry more decimals than that, so it is rounded to 4
/// decimals here, half away from zero, and nowhere else (issue 8). Sell prices are computed from this rounded
/// cost so anyone can recompute them from what is stored.
/// </summary>
public static class UnitCostE4
{
    public static decimal Round(decimal cost) => Math.Round(cost, 4, MidpointRounding.AwayFromZero);

    public static long ToE4(decimal cost)
    {
        var scaled = cost * 10_000m;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"Unit cost {cost} has more than 4 decimals; round it with UnitCostE4.Round first.", nameof(cost));
        }

        return (long)scaled;
    }

    public static decimal FromE4(long e4) => e4 / 10_000m;

    public static string Text(decimal cost) => cost.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
