namespace BackOffice.Tools.Matching;

/// <summary>
/// Name similarity that survives the spellings the two systems really use (issue 3): common abbreviations
/// ("Elec" = "Electric", "Bros" = "Brothers"), typos ("Framng"), and words run together ("Northwood" vs "North Wood").
/// Score = soft Jaccard over tokens: an exact or abbreviated token counts 1, a typo-level match (character-bigram
/// Dice of at least <see cref="TypoDice"/> on tokens of 5+ letters) counts <see cref="TypoWeight"/>.
/// </summary>
public static class FuzzySimilarity
{
    public const decimal TypoWeight = 0.8m;

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["bros"] = "brothers", ["elec"] = "electric", ["elect"] = "electric", ["mech"] = "mechanical", ["const"] = "construction",
        ["constr"] = "construction", ["svc"] = "services", ["svcs"] = "services", ["service"] = "services", ["assoc"] = "associates",
        ["intl"] = "international", ["mfg"] = "manufacturing", ["dist"] = "distribution", ["ent"] = "enterprises", ["plbg"] = "plumbing",
        ["htg"] = "heating", ["res"] = "residence", ["ti"] = "tenant improvement", ["bldg"] = "building", ["supplies"] = "supply",
        ["contractors"] = "contracting", ["contractor"] = "contracting", ["ste"] = "suite", ["mt"] = "mount", ["st"] = "street",
    };

    public static IReadOnlyList<string> Tokens(string name) =>
        NameNormalizer.Tokens(name)
            .SelectMany(t => Abbreviations.TryGetValue(t, out var full) ? full.Split(' ') : [t])
            .Select(Singular)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"Rentals" = "Rental", "Doors" = "Door"; short words and "-ss" words are left alone ("Sons", "Glass").</summary>
    private static string Singular(string token) =>
        token.Length > 4 && token[^1] == 's' && token[^2] != 's' ? token[..^1] : token;

    public static decimal Score(string a, string b)
    {
        var left = Tokens(a);
        var right = Tokens(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0m;
        }

        if (string.Concat(left) == string.Concat(right))
        {
            return 1m;
        }

        var unused = right.ToList();
        var matched = 0m;
        foreach (var token in left)
        {
            var best = unused.Select(u => (Token: u, Weight: TokenWeight(token, u))).Where(x => x.Weight > 0m).OrderByDescending(x => x.Weight).FirstOrDefault();
            if (best.Token is not null)
            {
                matched += best.Weight;
                unused.Remove(best.Token);
            }
        }

        return Math.Round(matched / (left.Count + right.Count - matched), 4, MidpointRounding.AwayFromZero);
    }

    private static decimal TokenWeight(string a, string b)
    {
        if (a == b)
        {
            return 1m;
        }

        var shorter = Math.Min(a.Length, b.Length);
        var allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
        return allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && EditDistance(a, b) <= allowed ? TypoWeight : 0m;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps).</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
