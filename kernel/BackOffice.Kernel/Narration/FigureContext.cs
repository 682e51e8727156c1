using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Narration;

/// <summary>Words of a narrative, lower case: placeholders stay whole ("{gross}"), punctuation that ends a clause is "|".</summary>
internal static partial class NarrativeTokens
{
    public const string Boundary = "|";

    public static IReadOnlyList<string> Of(string text) =>
        TokenPattern().Matches(text).Select(m => m.Value[0] == '{' ? m.Value : char.IsLetter(m.Value[0]) ? m.Value.ToLowerInvariant() : Boundary).ToList();

    public static string Joined(string text) => " " + string.Join(" ", Of(text)) + " ";

    /// <summary>True when the word at <paramref name="i"/> and a neighbour appear together in the item's own text.</summary>
    public static bool Quoted(IReadOnlyList<string> tokens, int i, string factsTokens) => Quoted(tokens, i - 1, i, factsTokens) || Quoted(tokens, i, i + 1, factsTokens);

    /// <summary>True when tokens <paramref name="from"/>..<paramref name="to"/> appear, in order, in the item's own text (<see cref="NarrativeSlots.FactsTokens"/>).</summary>
    public static bool Quoted(IReadOnlyList<string> tokens, int from, int to, string factsTokens)
    {
        if (from < 0 || to >= tokens.Count || from >= to)
        {
            return false;
        }

        var phrase = " " + string.Join(" ", tokens.Skip(from).Take(to - from + 1)) + " ";
        return factsTokens.Contains(phrase, StringComparison.Ordinal);
    }

    public static bool IsPlaceholder(string token) => token.Length > 1 && token[0] == '{';

    [GeneratedRegex(@"\{[^{}]*\}|[A-Za-z]+(?:'[A-Za-z]+)?|[.;:!?,()]")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// What the words around a figure say about it (issue 15): no hedge or sign before it, no unit after it that the
/// product does not render ("{gross} hours"), and no other figure's label on it ("the retainage is {net_payable}").
/// </summary>
internal static class FigureContext
{
    private static readonly HashSet<string> TwoWordHedges = new(StringComparer.Ordinal)
    {
        "up to", "more than", "less than", "greater than", "fewer than", "at least", "at most", "close to", "north of",
        "south of", "excess of", "shy of", "short of", "just over", "just under", "well over", "well under",
    };

    public static void Check(IReadOnlyList<string> tokens, NarrativeSlots slots, List<string> violations)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (NarrativeTokens.IsPlaceholder(tokens[i]) && slots.TryGet(tokens[i][1..^1], out var slot) && slot.IsFigure)
            {
                CheckBefore(tokens, i, slots, violations);
                CheckUnitAfter(tokens, i, slot, slots, violations);
                CheckLabel(tokens, i, slot, slots, violations);
            }
        }
    }

    private static void CheckBefore(IReadOnlyList<string> tokens, int i, NarrativeSlots slots, List<string> violations)
    {
        var one = i >= 1 ? tokens[i - 1] : "";
        var two = i >= 2 ? tokens[i - 2] + " " + one : "";
        if ((NarrativeVocabulary.Hedges.Contains(one) || NarrativeVocabulary.SignWords.Contains(one)) && !NarrativeTokens.Quoted(tokens, i - 1, i, slots.FactsTokens))
        {
            violations.Add($"'{one} {tokens[i]}' hedges or re-signs a figure");
        }
        else if (TwoWordHedges.Contains(two) && !NarrativeTokens.Quoted(tokens, i - 2, i, slots.FactsTokens))
        {
            violations.Add($"'{two} {tokens[i]}' turns a figure into a bound");
        }
    }

    private static void CheckUnitAfter(IReadOnlyList<string> tokens, int i, NarrativeSlot slot, NarrativeSlots slots, List<string> violations)
    {
        if (i + 1 >= tokens.Count || !NarrativeVocabulary.UnitWords.Contains(tokens[i + 1]))
        {
            return;
        }

        var next = tokens[i + 1];
        var ownUnit = slot.Unit == "count" && FigureLabels.NameStems(slot.Figure!).Contains(NarrativeVocabulary.Stem(next));
        if (!ownUnit && !NarrativeTokens.Quoted(tokens, i, i + 1, slots.FactsTokens))
        {
            violations.Add($"'{tokens[i]} {next}' calls a {slot.Unit} figure {next}");
        }
    }

    private static void CheckLabel(IReadOnlyList<string> tokens, int i, NarrativeSlot slot, NarrativeSlots slots, List<string> violations)
    {
        // Only labels of other figures of the same unit can mislabel: "retainage of {retainage_percent}" names the rate.
        var own = slots.Labels[slot.Figure!];
        var sameUnit = slots.All.Where(s => s.IsFigure && s.Unit == slot.Unit && s.Figure != slot.Figure).Select(s => s.Figure!).ToHashSet(StringComparer.Ordinal);
        var others = sameUnit.SelectMany(f => slots.Labels[f]).Where(w => !own.Contains(w)).ToHashSet(StringComparer.Ordinal);
        // The nearest label phrase, at most three words ("old unit cost"), so that it does not run on into the clause before.
        var before = FigureLabels.Before(tokens, i).SkipWhile(w => !own.Contains(w) && !others.Contains(w)).TakeWhile(w => own.Contains(w) || others.Contains(w)).Take(3);
        var after = FigureLabels.After(tokens, i).TakeWhile(w => own.Contains(w) || others.Contains(w));
        var run = before.Concat(after).ToList();
        var foreign = run.Where(others.Contains).ToList();
        if (foreign.Count > 0)
        {
            violations.Add($"'{string.Join(" ", foreign)}' labels {tokens[i]}, which is another figure");
        }
        else if (slot.Unit is "usd" or "date" && sameUnit.Count > 0 && !run.Any(own.Contains)
            && !NarrativeTokens.Quoted(tokens, i - 1, i, slots.FactsTokens) && !NarrativeTokens.Quoted(tokens, i, i + 1, slots.FactsTokens))
        {
            // With two amounts (or dates) an unlabelled one could be either: a swap would read the same. The template's
            // own unlabelled phrasing ("from {old_unit_cost}") stays valid, and the same words before another figure do not.
            violations.Add($"{tokens[i]} has no words saying which {slot.Unit} figure it is");
        }
    }
}
