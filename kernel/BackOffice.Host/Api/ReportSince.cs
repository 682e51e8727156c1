using System.Globalization;

namespace BackOffice.Host.Api;

/// <summary>
/// The `since` of a log report (quickbooks-events, issues 13 and 17): a date meaning from midnight of that day in the
/// tenant's time zone, read the same way from `report --since`, the API's <c>?since=</c> and the console's Since picker.
/// </summary>
public static class ReportSince
{
    /// <summary>The reports that read <c>ReportRequest.Since</c>; the console shows a Since picker on these only.</summary>
    public static readonly IReadOnlySet<string> Reports = new HashSet<string>(["quickbooks-events"], StringComparer.Ordinal);

    /// <summary>Null for no text; false when <paramref name="text"/> is not a yyyy-MM-dd date.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset? since)
    {
        since = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        // The zone's offset at that midnight (PST or PDT), not today's: a date across a daylight-saving change is exact.
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        since = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        return true;
    }

    /// <summary>The error every caller shows for a bad date, naming the field as the caller calls it.</summary>
    public static string Error(string field, string? text) => $"{field} must be a date as yyyy-MM-dd, not '{text}'.";

    /// <summary>The API and the console: a bad date is a 400 naming the parameter.</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone) =>
        TryParse(text, zone, out var since) ? since : throw new ApprovalConsole.BadListQueryException(Error("since", text));
}
