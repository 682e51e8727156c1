using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Tools.Documents;

/// <summary>Reads amounts and dates as documents print them; invariant culture, never a float.</summary>
public static partial class TextValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yy", "M/d/yy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy",
        "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "dd-MMM-yyyy", "d-MMM-yyyy",
    ];

    /// <summary>"$1,054.25", "(1,840.00)" (negative), "-80.35", "973.90": two decimals required, so counts and limits are not amounts.</summary>
    [GeneratedRegex(@"\(?-?\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}\)?(?![\d%])", RegexOptions.CultureInvariant)]
    public static partial Regex AmountPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[\s-](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[\s-]\d{4}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DatePattern();

    public static decimal? Amount(string text)
    {
        var negative = text.Contains('(') || text.Contains('-');
        var digits = new string(text.Where(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (negative ? -value : value)
            : null;
    }

    /// <summary>The last amount on the line: labels come first, and a rate ("8.25%") may sit between label and amount.</summary>
    public static decimal? LastAmount(string line)
    {
        var matches = AmountPattern().Matches(line);
        return matches.Count == 0 ? null : Amount(matches[^1].Value);
    }

    public static DateOnly? Date(string text)
    {
        var cleaned = Regex.Replace(text.Trim(), @"\s+", " ");
        return DateOnly.TryParseExact(cleaned, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;
    }

    public static DateOnly? FirstDate(string text)
    {
        var match = DatePattern().Match(text);
        return match.Success ? Date(match.Value) : null;
    }
}
