namespace BackOffice.Domain.Money;

/// <summary>
/// Conversions between <see cref="decimal"/> dollars and the INTEGER cents SQLite stores
/// (DESIGN.md rule 8: SQLite has no decimal type, so amounts are exact integers of cents).
/// </summary>
public static class Cents
{
    /// <summary>Dollars to cents. Refuses a fraction of a cent instead of rounding it away silently.</summary>
    public static long FromDollars(decimal dollars)
    {
        var cents = dollars * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"Amount {dollars} has a fraction of a cent; round it where the business rule rounds.", nameof(dollars));
        }

        return (long)cents;
    }

    public static decimal ToDollars(long cents) => cents / 100m;

    public static decimal? ToDollars(long? cents) => cents is null ? null : cents.Value / 100m;
}
