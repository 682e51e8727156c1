namespace BackOffice.Domain.Money;

/// <summary>The single place where amounts are rounded to the cent (DESIGN.md rule 8).</summary>
public static class MoneyMath
{
    /// <summary>Rounds to the cent, half away from zero: the convention of invoices and pay applications.</summary>
    public static decimal RoundToCent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// <paramref name="amount"/> × <paramref name="percent"/>%, rounded to the cent half away from zero.
    /// Used for retainage: 10% of $1,234.55 is $123.455, which rounds to $123.46.
    /// </summary>
    public static decimal PercentOf(decimal amount, decimal percent) => RoundToCent(amount * percent / 100m);

    /// <summary>Splits an amount into parts by weight without losing or inventing a cent (largest remainder first).</summary>
    public static IReadOnlyList<decimal> Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        var weightSum = weights.Sum();
        if (weightSum == 0m)
        {
            throw new ArgumentException("Weights sum to zero.", nameof(weights));
        }

        var totalCents = Cents.FromDollars(total);
        var raw = weights.Select(w => totalCents * w / weightSum).ToArray();
        var parts = raw.Select(r => (long)decimal.Truncate(r)).ToArray();
        var remainder = totalCents - parts.Sum();
        var step = Math.Sign(remainder);
        foreach (var index in raw.Select((r, i) => (Fraction: Math.Abs(r - decimal.Truncate(r)), Index: i))
                     .OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).Select(x => x.Index))
        {
            if (remainder == 0)
            {
                break;
            }

            parts[index] += step;
            remainder -= step;
        }

        return parts.Select(Cents.ToDollars).ToArray();
    }
}
