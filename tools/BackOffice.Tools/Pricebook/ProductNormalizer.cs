using System.Text;

namespace BackOffice.Tools.Pricebook;

/// <summary>
/// Reduces a product description to comparable tokens: "5/8 in. Type X Drywall 4x8" and "5/8in type x drywall 4x8"
/// both become [5/8, in, type, x, drywall, 4x8]. NameNormalizer (issue 2) is for company names: it drops "co" and
/// splits "1/2" into two tokens, which loses the size that tells products apart, so products get their own.
/// </summary>
public static class ProductNormalizer
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "and", "the", "of", "with", "for", "a" };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["inch"] = "in", ["inches"] = "in", ["feet"] = "ft", ["foot"] = "ft", ["pound"] = "lb", ["lbs"] = "lb", ["gallon"] = "gal",
        ["sheet"] = "sht", ["sheets"] = "sht", ["nail"] = "nails", ["stud"] = "stud", ["studs"] = "stud",
    };

    public static IReadOnlyList<string> Tokens(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return [];
        }

        var builder = new StringBuilder(description.Length + 8);
        var previous = ' ';
        foreach (var raw in description.ToLowerInvariant())
        {
            var c = raw == '"' ? 'i' : raw;
            var keep = char.IsLetterOrDigit(c) || c == '/' || (c == '.' && char.IsDigit(previous));
            // A number running into a unit ("5/8in", "50lb") is two tokens; "4x8" and "16d" stay whole.
            if (keep && char.IsLetter(c) && char.IsDigit(previous) && c is not ('x' or 'd'))
            {
                builder.Append(' ');
            }

            builder.Append(keep ? c : ' ');
            if (raw == '"')
            {
                builder.Append("n ");
            }

            previous = c;
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('/', '.'))
            .Where(t => t.Length > 0 && !Noise.Contains(t))
            .Select(t => Synonyms.GetValueOrDefault(t, t))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static string Normalize(string? description) => string.Join(' ', Tokens(description).Order(StringComparer.Ordinal));

    /// <summary>
    /// Dice similarity of the token sets, 0 to 1, halved when the sizes differ (the tokens holding digits), because
    /// "2x4x8 stud" and "2x4x10 stud" share most words and are still different products.
    /// </summary>
    public static decimal Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0m;
        }

        var shared = a.Count(b.Contains);
        var dice = 2m * shared / (a.Count + b.Count);
        var sizesA = a.Where(HasDigit).ToHashSet(StringComparer.Ordinal);
        var sizesB = b.Where(HasDigit).ToHashSet(StringComparer.Ordinal);
        return sizesA.SetEquals(sizesB) ? dice : dice / 2m;
    }

    public static bool HasDigit(string token) => token.Any(char.IsDigit);
}
