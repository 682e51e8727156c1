using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// Turns the product's own text (a title or template narrative) into placeholder form (issue 15): each written figure
/// becomes its {name} (a negative amount the text writes without its sign becomes {name:abs}), each quoted payload
/// field its {field}, and every other digit-bearing token a fact {ref_N} rendered verbatim. Literal braces become
/// parentheses so that the text cannot smuggle a placeholder.
/// </summary>
internal sealed partial class TemplateSlotter
{
    private readonly List<(string Text, List<NarrativeSlot> Slots)> _forms = [];
    private readonly Dictionary<string, NarrativeSlot> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);

    public TemplateSlotter(IReadOnlyList<Figure> figures, IEnumerable<(string Name, string Value)> facts)
    {
        foreach (var (name, value) in facts)
        {
            Add(value, new NarrativeSlot(name, "fact", value, null));
        }

        foreach (var f in figures)
        {
            foreach (var (text, absolute) in Forms(f))
            {
                var placeholder = absolute ? f.Name + ":abs" : f.Name;
                Add(text, new NarrativeSlot(placeholder, f.Unit, NarrativeSlots.Render(f, absolute), f.Name));
            }
        }

        // Longest first: "$1,840.00" must not be taken by the count 1 or 840. (Sort is not stable; equal texts are one entry.)
        _forms.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
    }

    public IReadOnlyDictionary<string, NarrativeSlot> Used => _used;

    public string Slot(string text)
    {
        text = text.Replace('{', '(').Replace('}', ')');
        foreach (var (form, candidates) in _forms)
        {
            var pattern = new Regex(@"(?<![\w$.,{-])" + Regex.Escape(form) + @"(?![\w}]|[.,]\d)", RegexOptions.CultureInvariant);
            text = pattern.Replace(text, m =>
            {
                var slot = Choose(candidates, text[..m.Index]);
                _used.TryAdd(slot.Placeholder, slot);
                return "{" + slot.Placeholder + "}";
            });
        }

        return LeftoverPattern().Replace(text, m => m.Value.Contains('{') ? m.Value : "{" + Ref(m.Value) + "}");
    }

    private void Add(string text, NarrativeSlot slot)
    {
        var i = _forms.FindIndex(f => f.Text == text);
        if (i < 0)
        {
            _forms.Add((text, [slot]));
        }
        else
        {
            _forms[i].Slots.Add(slot);
        }
    }

    /// <summary>Two figures with the same value ("lose $60,000.00 ... a loss provision of $60,000.00"): the one whose
    /// name the words before it use most; the first on a tie.</summary>
    private static NarrativeSlot Choose(List<NarrativeSlot> candidates, string before)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var tokens = NarrativeTokens.Of(before + " {x}");
        var context = FigureLabels.Before(tokens, tokens.Count - 1).Take(4).ToHashSet(StringComparer.Ordinal);
        return candidates.OrderByDescending(c => c.Figure is null ? 0 : FigureLabels.NameStems(c.Figure).Count(context.Contains)).First();
    }

    private string Ref(string token)
    {
        if (!_refs.TryGetValue(token, out var name))
        {
            name = $"ref_{_refs.Count + 1}";
            _refs[token] = name;
            _used[name] = new NarrativeSlot(name, "fact", token, null);
        }

        return name;
    }

    private static IEnumerable<(string Text, bool Absolute)> Forms(Figure f)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (f.Unit == "usd")
        {
            yield return (NarrativeSlots.Render(f, absolute: false), false);
            if (f.Value.StartsWith('-'))
            {
                yield return (NarrativeSlots.Render(f, absolute: true), true);
            }
        }
        else if (f.Unit == "percent" && decimal.TryParse(f.Value, NumberStyles.Number | NumberStyles.AllowLeadingSign, invariant, out var p))
        {
            foreach (var format in new[] { "0.##", "0.0", "0.00" })
            {
                yield return (p.ToString(format, invariant) + "%", false);
            }
        }
        else if (f.Value.Length > 0)
        {
            yield return (f.Value, false);
        }
    }

    /// <summary>A token with a digit and what clings to it: RP-007, $250.00, 2026-014, #12, 3M, 22-000.</summary>
    [GeneratedRegex(@"[\w$#{}:.,/-]*\d(?:[\w$#{}:.,/-]*[\w$#}])?")]
    private static partial Regex LeftoverPattern();
}

/// <summary>What a placeholder looks like: {name} or {name:abs}, names in snake case.</summary>
public static partial class PlaceholderSyntax
{
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public static IEnumerable<string> Names(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups["p"].Value);

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(?::abs)?$")]
    private static partial Regex NamePattern();

    /// <summary>Anything in braces; the guard decides whether it names a slot.</summary>
    [GeneratedRegex(@"\{(?<p>[^{}]*)\}")]
    public static partial Regex PlaceholderPattern();
}
