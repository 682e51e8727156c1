namespace BackOffice.Kernel.Narration;

/// <summary>
/// Which words label which figure (issue 15). A figure is labelled by the words of its name ("net_payable": net,
/// payable) and by the nearest words the product's own template writes before it in the same clause ("so the bill is
/// for {net_payable}": bill), so that the template's phrasing stays valid and the same phrasing around another figure
/// ("so the bill is for {gross}") reads as the mislabel it is.
/// </summary>
internal static class FigureLabels
{
    private const int ContextWords = 3;

    public static Dictionary<string, HashSet<string>> Learn(IEnumerable<NarrativeSlot> slots, string template)
    {
        var labels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var slot in slots.Where(s => s.IsFigure))
        {
            labels.TryAdd(slot.Figure!, NameStems(slot.Figure!));
        }

        var tokens = NarrativeTokens.Of(template);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!NarrativeTokens.IsPlaceholder(tokens[i]) || !labels.TryGetValue(FigureOf(tokens[i]), out var own))
            {
                continue;
            }

            // A word right after another placeholder describes that one ("{clocked_hours} h but the run claims"): not learned.
            for (int j = i - 1, taken = 0; j >= 0 && taken < ContextWords && tokens[j] != NarrativeTokens.Boundary && !NarrativeTokens.IsPlaceholder(tokens[j]); j--)
            {
                if (!NarrativeVocabulary.Stop.Contains(tokens[j]) && (j == 0 || !NarrativeTokens.IsPlaceholder(tokens[j - 1])))
                {
                    own.Add(NarrativeVocabulary.Stem(tokens[j]));
                    taken++;
                }
            }
        }

        return labels;
    }

    /// <summary>Stems of the words before token <paramref name="i"/> in its clause, nearest first, joining words left out.</summary>
    public static IEnumerable<string> Before(IReadOnlyList<string> tokens, int i)
    {
        for (var j = i - 1; j >= 0 && tokens[j] != NarrativeTokens.Boundary && !NarrativeTokens.IsPlaceholder(tokens[j]); j--)
        {
            if (!NarrativeVocabulary.Stop.Contains(tokens[j]))
            {
                yield return NarrativeVocabulary.Stem(tokens[j]);
            }
        }
    }

    /// <summary>The stem of the word right after token <paramref name="i"/> ("{retainage} retainage"), if it is a word.</summary>
    public static IEnumerable<string> After(IReadOnlyList<string> tokens, int i)
    {
        if (i + 1 < tokens.Count && tokens[i + 1] != NarrativeTokens.Boundary && !NarrativeTokens.IsPlaceholder(tokens[i + 1]))
        {
            yield return NarrativeVocabulary.Stem(tokens[i + 1]);
        }
    }

    /// <summary>"{net_payable:abs}" names the figure "net_payable".</summary>
    public static string FigureOf(string placeholderToken)
    {
        var name = placeholderToken.Trim('{', '}');
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    public static HashSet<string> NameStems(string figure) =>
        figure.Split('_', StringSplitOptions.RemoveEmptyEntries).Where(w => !NarrativeVocabulary.Stop.Contains(w))
            .Select(NarrativeVocabulary.Stem).ToHashSet(StringComparer.Ordinal);
}
