using System.Text;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Matching;

/// <summary>
/// Reduces a vendor, customer or job name to comparable tokens: "ABC Supply Co., Inc." and "abc supply" both
/// become ["abc", "supply"]. Legal-form words carry no identity, so they are dropped.
/// </summary>
[ToolAccess(ToolAccess.Read)]
public static class NameNormalizer
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "co", "company", "corp", "corporation", "ltd", "limited", "lp", "llp", "pllc", "pc", "the",
    };

    public static IReadOnlyList<string> Tokens(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return builder.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !LegalForms.Contains(t))
            .ToList();
    }

    public static string Normalize(string name) => string.Join(' ', Tokens(name));

    /// <summary>Document numbers compare without case, spaces, dashes or leading zeros ("INV-0042" = "inv 42").</summary>
    public static string DocumentNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }

        var kept = new string(number.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var digitsStart = kept.TakeWhile(char.IsLetter).Count();
        return kept[..digitsStart] + kept[digitsStart..].TrimStart('0');
    }
}
