using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Narration;

/// <summary>Finds dates in a narrative, checks each against the date figures, and blanks them out for the number pass (issue 4).</summary>
internal static partial class DateTokens
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string Strip(string text, AllowedValues allowed, List<string> violations)
    {
        text = IsoPattern().Replace(text, m => Check(m.Value, Date(m, "y", "m", "d", numericMonth: true), allowed, violations));
        text = UsPattern().Replace(text, m => Check(m.Value, Date(m, "y", "m", "d", numericMonth: true), allowed, violations));
        text = MonthFirstPattern().Replace(text, m => CheckNamed(m, allowed, violations));
        text = DayFirstPattern().Replace(text, m => CheckNamed(m, allowed, violations));
        return text;
    }

    private static string CheckNamed(Match m, AllowedValues allowed, List<string> violations)
    {
        if (m.Groups["y"].Success)
        {
            return Check(m.Value, Date(m, "y", "mon", "d", numericMonth: false), allowed, violations);
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (!allowed.Dates.Any(d => d.Month == month && d.Day == day))
        {
            violations.Add($"date '{m.Value.Trim()}' is not one of the computed dates");
        }

        return new string(' ', m.Length);
    }

    private static string Check(string token, DateOnly? date, AllowedValues allowed, List<string> violations)
    {
        if (date is not { } d || !allowed.Dates.Contains(d))
        {
            violations.Add($"date '{token.Trim()}' is not one of the computed dates");
        }

        return new string(' ', token.Length);
    }

    private static DateOnly? Date(Match m, string y, string mo, string d, bool numericMonth)
    {
        var year = int.Parse(m.Groups[y].Value, CultureInfo.InvariantCulture);
        var month = numericMonth ? int.Parse(m.Groups[mo].Value, CultureInfo.InvariantCulture) : MonthNumber(m.Groups[mo].Value);
        var day = int.Parse(m.Groups[d].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int MonthNumber(string name) => Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    private const string MonthName = @"(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\b(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})\b")]
    private static partial Regex UsPattern();

    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirstPattern();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @"(?:,?\s+(?<y>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirstPattern();
}
