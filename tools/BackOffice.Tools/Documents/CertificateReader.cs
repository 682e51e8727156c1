using System.ComponentModel;
using System.Text.RegularExpressions;

namespace BackOffice.Tools.Documents;

public sealed record CoiPolicy(string Coverage, string? PolicyNumber, DateOnly Effective, DateOnly Expiration);

/// <param name="EarliestExpiration">When the first coverage lapses: the certificate is only as good as its shortest policy.</param>
public sealed record CertificateOfInsurance(string? Insured, IReadOnlyList<CoiPolicy> Policies)
{
    public DateOnly? EarliestExpiration => Policies.Count == 0 ? null : Policies.Min(p => p.Expiration);
}

public enum CoiStatus
{
    Current,
    ExpiringSoon,
    Expired,
    Unknown,
}

/// <summary>
/// Reads an ACORD 25-style certificate of insurance: the insured and each coverage row's effective and expiration
/// dates (a row holds two dates, effective first), and says whether it lapses within the window (issue 6: 30 days
/// by default, configurable). Expiring on the as-of date itself counts as expiring soon, the day after as expired.
/// </summary>
public static partial class CertificateReader
{
    public const int DefaultWindowDays = 30;

    [Description("Read a certificate of insurance: the insured and each policy's effective and expiration dates.")]
    public static CertificateOfInsurance Read([Description("The certificate's text")] string text)
    {
        var insured = Insured().Match(text) is { Success: true } m ? m.Groups["v"].Value.Trim().TrimEnd(',', '.') : null;
        var policies = new List<CoiPolicy>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var dates = TextValues.DatePattern().Matches(line).Select(d => TextValues.Date(d.Value)).OfType<DateOnly>().ToList();
            if (dates.Count < 2 || line.Contains("DATE (", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var firstDate = TextValues.DatePattern().Match(line).Index;
            var head = line[..firstDate].Trim();
            var number = PolicyNumber().Match(head);
            var coverage = number.Success ? head[..number.Index].Trim() : head;
            policies.Add(new CoiPolicy(Collapse(coverage), number.Success ? number.Value : null, dates[0], dates[1]));
        }

        return new CertificateOfInsurance(insured, policies);
    }

    [Description("Whether a certificate is current, expiring within the window, or expired on the as-of date.")]
    public static CoiStatus Status(
        [Description("The earliest expiration date on the certificate, or null if none was read")] DateOnly? expiration,
        [Description("Business date, yyyy-MM-dd")] DateOnly asOf,
        [Description("Days ahead that count as expiring soon, e.g. 30")] int windowDays)
    {
        if (expiration is not { } date)
        {
            return CoiStatus.Unknown;
        }

        return date < asOf ? CoiStatus.Expired : date.DayNumber - asOf.DayNumber <= windowDays ? CoiStatus.ExpiringSoon : CoiStatus.Current;
    }

    private static string Collapse(string s) => Whitespace().Replace(s, " ");

    [GeneratedRegex(@"^[ \t]*(?:named\s+)?insured\s*:[ \t]*(?<v>[^,\n]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Insured();

    [GeneratedRegex(@"\b[A-Z]{2,}[A-Z0-9]*-?\d{3,}[A-Z0-9-]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
