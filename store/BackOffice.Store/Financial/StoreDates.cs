using System.Globalization;

namespace BackOffice.Store.Financial;

/// <summary>Bundle dates are TEXT yyyy-MM-dd (0100_bundle.sql).</summary>
internal static class StoreDates
{
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseOrNull(string? text) => string.IsNullOrEmpty(text) ? null : Parse(text);
}
