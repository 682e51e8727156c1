using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Narration;

/// <summary>One value the product renders into a narrative: a computed figure (with its unit) or a fact (verbatim text).</summary>
/// <param name="Placeholder">The name the model writes inside braces, e.g. "net_payable" or "net_payable:abs".</param>
/// <param name="Unit">"usd", "percent", "date", "count", or "fact" for text.</param>
/// <param name="Figure">The figure's name ("net_payable" for both forms), or null for a fact.</param>
public sealed record NarrativeSlot(string Placeholder, string Unit, string Rendered, string? Figure)
{
    public bool IsFigure => Figure is not null;
}

/// <summary>
/// The placeholders of one finding or proposal (issue 15): the model never writes a figure, it writes text with
/// {placeholders} naming these slots and the product renders every value. Built from the item's figures, the
/// string fields of its payload that its template quotes, and every digit-bearing token left in its title and template
/// (invoice numbers, cost codes, "level 5"), so the product's own template, in placeholder form, is a valid answer.
/// </summary>
public sealed class NarrativeSlots
{
    private readonly Dictionary<string, NarrativeSlot> _slots;

    private NarrativeSlots(Dictionary<string, NarrativeSlot> slots, string title, string template, IReadOnlyList<string> key, string factsText,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? labelWords = null)
    {
        _slots = slots;
        var labels = FigureLabels.Learn(slots.Values, template);
        foreach (var (figure, words) in labelWords ?? new Dictionary<string, IReadOnlyCollection<string>>())
        {
            if (labels.TryGetValue(figure, out var own))
            {
                own.UnionWith(words.Where(w => !NarrativeVocabulary.Stop.Contains(w.ToLowerInvariant())).Select(NarrativeVocabulary.Stem));
            }
        }

        Labels = labels;
        Title = title;
        Template = template;
        KeyFigures = key;
        FactsText = factsText;
        FactsTokens = NarrativeTokens.Joined(factsText);
    }

    /// <summary>The title in placeholder form (what the model is shown).</summary>
    public string Title { get; }

    /// <summary>The template narrative in placeholder form: the faithful answer the model may rephrase.</summary>
    public string Template { get; }

    /// <summary>Placeholders a narrative must use: the amounts the template names (or every figure it names when it names no amount).</summary>
    public IReadOnlyList<string> KeyFigures { get; }

    /// <summary>The product's own words for the item (title and template, in placeholder form and as written, lower case): phrases a narrative may quote.</summary>
    public string FactsText { get; }

    /// <summary><see cref="FactsText"/> as space-separated tokens, for phrase look-ups.</summary>
    internal string FactsTokens { get; }

    public IEnumerable<NarrativeSlot> All => _slots.Values;

    /// <summary>Per figure name, the word stems that label it: its own name's words and the words the template puts before it.</summary>
    internal IReadOnlyDictionary<string, HashSet<string>> Labels { get; }

    public bool TryGet(string placeholder, out NarrativeSlot slot) => _slots.TryGetValue(placeholder, out slot!);

    /// <summary>The narrative the approver reads: every placeholder replaced by the value the product computed.
    /// Call only on a narrative <see cref="PlaceholderGuard"/> passed (an unknown placeholder throws).</summary>
    public string Render(string narrative) =>
        PlaceholderSyntax.PlaceholderPattern().Replace(narrative, m => _slots.TryGetValue(m.Groups["p"].Value, out var slot)
            ? slot.Rendered
            : throw new InvalidOperationException($"Placeholder {m.Value} is not one of the item's; check the narrative first."));

    public static NarrativeSlots For(IReadOnlyList<Figure> figures, JsonObject? payload, string title, string template)
    {
        var slots = new Dictionary<string, NarrativeSlot>(StringComparer.Ordinal);
        foreach (var f in figures)
        {
            slots.TryAdd(f.Name, new NarrativeSlot(f.Name, f.Unit, Render(f, absolute: false), f.Name));
        }

        // A payload field named like a figure ("paid_gross": "1872.00") is that figure: the figure's slot wins.
        var slotter = new TemplateSlotter(figures, Facts(payload).Where(f => !slots.ContainsKey(f.Name)));
        var slottedTitle = slotter.Slot(title);
        var slottedTemplate = slotter.Slot(template);
        foreach (var (placeholder, slot) in slotter.Used)
        {
            slots.TryAdd(placeholder, slot);
        }

        var referenced = PlaceholderSyntax.Names(slottedTemplate).Where(p => slots.TryGetValue(p, out var s) && s.IsFigure).Distinct().ToList();
        var money = referenced.Where(p => slots[p].Unit == "usd").ToList();
        // Both forms: a narrative may quote the product's words with a placeholder or a fact's name as written ("Four Seasons").
        var facts = (slottedTitle + "\n" + slottedTemplate + "\n" + title + "\n" + template).ToLowerInvariant();
        return new NarrativeSlots(slots, slottedTitle, slottedTemplate, money.Count > 0 ? money : referenced, facts);
    }

    /// <summary>
    /// The placeholders of an answer to a question (issue 15, `backoffice ask`): only the values this conversation's tool
    /// results carried, no template and so no key figure. <paramref name="labelWords"/> names each figure by the words of
    /// its row and column ("harbor point" and "total"), so a figure written beside another row's name is a mislabel;
    /// <paramref name="factsText"/> is the results' own text, which an answer may quote ("Four Seasons Roofing").
    /// </summary>
    public static NarrativeSlots ForAnswer(IEnumerable<NarrativeSlot> slots, IReadOnlyDictionary<string, IReadOnlyCollection<string>> labelWords, string factsText)
    {
        var byName = new Dictionary<string, NarrativeSlot>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            byName.TryAdd(slot.Placeholder, slot);
        }

        var facts = factsText.ToLowerInvariant();
        return new NarrativeSlots(byName, "", "", [], facts, labelWords);
    }

    /// <summary>How the product writes a figure: $18,400.00 and -$1,840.00, 10%, 2026-11-03, 2.</summary>
    public static string Render(Figure figure, bool absolute)
    {
        var invariant = CultureInfo.InvariantCulture;
        return figure.Unit switch
        {
            "usd" when decimal.TryParse(figure.Value, NumberStyles.Number | NumberStyles.AllowLeadingSign, invariant, out var v) =>
                MoneyText.Usd(absolute ? Math.Abs(v) : v),
            "percent" => figure.Value + "%",
            _ => figure.Value,
        };
    }

    /// <summary>Payload fields that are short single-line text (vendor_name, invoice_number), by their own names.</summary>
    private static IEnumerable<(string Name, string Value)> Facts(JsonObject? payload)
    {
        if (payload is null)
        {
            yield break;
        }

        foreach (var (name, node) in payload)
        {
            // Only names and numbers ("Baypoint Owners LLC", "INV-1042"): a common word ("email") would be taken everywhere.
            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is >= 3 and <= 80 && !text.Contains('\n')
                && text.Any(c => char.IsUpper(c) || char.IsDigit(c)) && PlaceholderSyntax.IsName(name))
            {
                yield return (name, text);
            }
        }
    }
}
