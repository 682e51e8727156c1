using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Procore's paging and rate-limit headers (procore.md section 3): `Link` with `&lt;url&gt;; rel="next"` pairs
/// (pagination.md; parsed pair by pair, as procore-oss/ruby-sdk response.rb does, tolerating line breaks), `Total`,
/// `Per-Page`, and `X-Rate-Limit-Limit/Remaining/Reset` (Reset in Unix seconds, rate_limiting.md).
/// </summary>
public static partial class ProcoreHeaders
{
    public static string? Link(HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        return LinkPair().Matches(string.Join(",", values))
            .Where(m => m.Groups["rel"].Value == rel).Select(m => m.Groups["url"].Value).FirstOrDefault();
    }

    public static long? Number(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>When the window this response names resets, if it has no requests left; otherwise null.</summary>
    public static DateTimeOffset? Exhausted(HttpResponseMessage response) =>
        Number(response, "X-Rate-Limit-Remaining") == 0 && Number(response, "X-Rate-Limit-Reset") is { } reset
            ? DateTimeOffset.FromUnixTimeSeconds(reset) : null;

    /// <summary>How long a 429 or 503 asks us to wait: Retry-After, else until the window resets, else a second.</summary>
    public static TimeSpan RetryWait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return Number(response, "X-Rate-Limit-Reset") is { } reset && DateTimeOffset.FromUnixTimeSeconds(reset) > now
            ? DateTimeOffset.FromUnixTimeSeconds(reset) - now
            : TimeSpan.FromSeconds(1);
    }

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;\s*rel="(?<rel>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LinkPair();
}
