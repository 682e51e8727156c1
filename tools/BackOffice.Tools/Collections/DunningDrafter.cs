using System.ComponentModel;
using System.Text.RegularExpressions;
using BackOffice.Tools.Narration;

namespace BackOffice.Tools.Collections;

/// <summary>A value a template may use: <paramref name="Text"/> is how it is written, <paramref name="FigureValue"/> the
/// computed figure behind it (null for names and ids, which are not figures).</summary>
public sealed record TemplateValue(string Text, string? FigureValue);

/// <summary>A filled template (first line "Subject: ..." gives the subject), or why it was refused.</summary>
public sealed record DunningDraft(string? Subject, string Body, NumberCheckResult Check, IReadOnlyList<string> MissingPlaceholders)
{
    public bool Accepted => Check.Passed && MissingPlaceholders.Count == 0;
}

/// <summary>
/// Fills a follow-up template from prompts/collections/ with computed figures only (issue 5): placeholders are
/// {name}; the filled text then goes through <see cref="NumberCheck"/>, so a template (or an edit) that writes an
/// amount of its own is refused instead of sent.
/// </summary>
public static partial class DunningDrafter
{
    [Description("Fill a dunning template's {placeholders} with computed figures and refuse it if any number in the result is not one of them.")]
    public static DunningDraft Draft(
        [Description("Template text; an optional first line 'Subject: ...'")] string template,
        [Description("Placeholder name -> value")] IReadOnlyDictionary<string, TemplateValue> values)
    {
        var missing = new List<string>();
        var filled = Placeholder().Replace(template, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var value))
            {
                return value.Text;
            }

            missing.Add(m.Groups[1].Value);
            return m.Value;
        });
        var check = NumberCheck.Check(filled, values.Values.Select(v => v.FigureValue).OfType<string>(),
            values.Values.Where(v => v.FigureValue is null).Select(v => v.Text));
        string? subject = null;
        var body = filled;
        if (filled.StartsWith("Subject:", StringComparison.Ordinal))
        {
            var end = filled.IndexOf('\n', StringComparison.Ordinal);
            subject = (end < 0 ? filled[8..] : filled[8..end]).Trim();
            body = end < 0 ? "" : filled[(end + 1)..].TrimStart('\r', '\n');
        }

        return new DunningDraft(subject, body.TrimEnd() + "\n", check, missing);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
