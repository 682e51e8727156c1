using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Narration;

/// <summary>Whether a narrative may be shown, and if not, every rule it broke.</summary>
public sealed record FirewallVerdict(bool Passed, IReadOnlyList<string> Violations);

/// <summary>
/// The narrative firewall (DESIGN.md rule 1, issue 15). A model narrative is text with {placeholders}; the product
/// renders every value, so being right is structural. A pure function that accepts or rejects, never corrects. It rejects:
/// an empty or overlong text; a placeholder that is not one of the item's; any digit, number word, month or weekday
/// outside a placeholder; words addressed to the approver (approve, execute, urgent, immediately, please, you...);
/// a sign, currency, hedge (about, over, at least) or unit written beside a figure ("{gross} hours"); a relative date
/// ("the day after {invoice_date}"); a figure labelled with another figure's words ("retainage of {net_payable}");
/// and a narrative that leaves out a key figure. Listed words and phrases the item's own title or template uses in the
/// same place are allowed.
/// </summary>
public static partial class PlaceholderGuard
{
    public const int MaxLength = 1200;

    public static FirewallVerdict Check(string? narrative, NarrativeSlots slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (string.IsNullOrWhiteSpace(narrative))
        {
            return new FirewallVerdict(false, ["the narrative is empty"]);
        }

        var violations = new List<string>();
        if (narrative.Length > MaxLength)
        {
            violations.Add($"the narrative is longer than {MaxLength} characters");
        }

        CheckPlaceholders(narrative, slots, violations);
        var outside = PlaceholderSyntax.PlaceholderPattern().Replace(narrative, " ");
        if (outside.Contains('{') || outside.Contains('}'))
        {
            violations.Add("a brace outside a well-formed placeholder");
        }

        foreach (Match m in DigitTokenPattern().Matches(outside))
        {
            violations.Add($"'{m.Value}' writes a number itself instead of a placeholder");
        }

        CheckPhrases(narrative, slots, violations);
        var tokens = NarrativeTokens.Of(narrative);
        CheckWords(tokens, slots, violations);
        FigureContext.Check(tokens, slots, violations);
        // A key figure is referenced in either form: {estimated_gross_profit} shows the same figure as {estimated_gross_profit:abs}.
        var used = PlaceholderSyntax.Names(narrative).Select(FigureLabels.FigureOf).ToHashSet(StringComparer.Ordinal);
        foreach (var key in slots.KeyFigures.Where(k => !used.Contains(FigureLabels.FigureOf(k))))
        {
            violations.Add($"key figure {{{key}}} is not referenced");
        }

        return new FirewallVerdict(violations.Count == 0, violations);
    }

    private static void CheckPlaceholders(string narrative, NarrativeSlots slots, List<string> violations)
    {
        foreach (var name in PlaceholderSyntax.Names(narrative).Distinct(StringComparer.Ordinal))
        {
            if (!slots.TryGet(name, out _))
            {
                violations.Add($"placeholder {{{name}}} is not one of the item's");
            }
        }

        foreach (Match m in SignBeforePattern().Matches(narrative))
        {
            if (slots.TryGet(m.Groups["p"].Value, out var slot) && slot.IsFigure && !slots.FactsText.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal))
            {
                violations.Add($"'{m.Value}' writes a sign or currency beside a figure the product renders");
            }
        }

        foreach (Match m in ParenthesisedPattern().Matches(narrative))
        {
            if (slots.TryGet(m.Groups["p"].Value, out var slot) && slot.Unit == "usd" && !slots.FactsText.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal))
            {
                violations.Add($"'{m.Value}' reads as a negative amount");
            }
        }
    }

    private static void CheckPhrases(string narrative, NarrativeSlots slots, List<string> violations)
    {
        foreach (Match m in RelativeDatePattern().Matches(narrative))
        {
            if (!slots.FactsText.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal))
            {
                violations.Add($"'{m.Value}' moves a date the product renders");
            }
        }
    }

    private static void CheckWords(IReadOnlyList<string> tokens, NarrativeSlots slots, List<string> violations)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i];
            var kind = NarrativeVocabulary.NumberWords.Contains(word) ? "a number written as a word"
                : NarrativeVocabulary.CalendarWords.Contains(word) ? "a date written as a word"
                : NarrativeVocabulary.ApproverWords.Contains(word) ? "words addressed to the approver"
                : null;
            if (kind is not null && !NarrativeTokens.Quoted(tokens, i, slots.FactsTokens))
            {
                violations.Add($"'{word}': {kind}");
            }
        }
    }

    /// <summary>A digit with the word it sits in: 18,400.00, RP-008, Q4.</summary>
    [GeneratedRegex(@"[\w$#.,/-]*\d[\w$#.,/-]*")]
    private static partial Regex DigitTokenPattern();

    [GeneratedRegex(@"(?:[-−–+]|\$|US\$|USD|€|£)\s*\{(?<p>[^{}]*)\}", RegexOptions.IgnoreCase)]
    private static partial Regex SignBeforePattern();

    [GeneratedRegex(@"\(\s*\{(?<p>[^{}]*)\}\s*\)")]
    private static partial Regex ParenthesisedPattern();

    [GeneratedRegex(@"\b(?:(?:the\s+)?(?:business\s+)?(?:days?|weeks?|months?|years?)\s+(?:after|before|later|earlier|prior|from|ahead|ago|since|until)|(?:next|previous|following|prior|preceding|last|coming|same)\s+(?:business\s+)?(?:day|week|month|year))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDatePattern();
}
