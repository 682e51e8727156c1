using System.Globalization;

namespace BackOffice.Store.Proposals;

/// <summary>Fixed-width UTC text for times, so that SQL can compare leases as text.</summary>
public static class StoreTime
{
    private const string Format = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static string ToText(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
