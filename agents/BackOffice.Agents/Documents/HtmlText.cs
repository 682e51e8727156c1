using System.Net;
using System.Text.RegularExpressions;

namespace BackOffice.Agents.Documents;

/// <summary>An HTML-only email body as plain text: block ends become line breaks, tags go, entities are decoded.</summary>
internal static partial class HtmlText
{
    public static string Strip(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Blocks().Replace(html, "\n"), ""));

    [GeneratedRegex(@"<\s*(br|/p|/div|/tr|/li|/h\d)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
