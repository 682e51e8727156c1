using System.Text.RegularExpressions;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Kernel.Ask;

/// <param name="Reports">The reports named as answering the question (offline) or called to answer it (model), best first.</param>
/// <param name="Refused">True when the question asks for a change: that is proposed, never done from a question.</param>
/// <param name="AnsweredBy">"model" (an answer in words, every figure rendered by the product), "offline" or "refused".</param>
/// <param name="Citations">The records a model answer used (issue 15); empty offline.</param>
/// <param name="FallbackReason">Why a configured model's answer was not used, in plain words; null otherwise.</param>
public sealed record AskAnswer(string Text, IReadOnlyList<string> Reports, bool Refused, string AnsweredBy = "offline",
    IReadOnlyList<AskCitation>? Citations = null, string? FallbackReason = null)
{
    public IReadOnlyList<AskCitation> Cited => Citations ?? [];
}

/// <summary>
/// `backoffice ask` without a model (issue 15): a question that asks for a change is answered "propose it"; any other
/// is answered with the reports whose name and description share its words (a few synonyms bridge how people ask,
/// "who owes us", and how reports are described, "receivable"). The product's reports compute every figure.
/// </summary>
public static partial class QuestionDesk
{
    public const string ProposeIt =
        "Asking does not change anything: propose it. Changes are proposals a person approves (see `backoffice proposals list`); the agents draft them on each sweep.";

    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        ["owe"] = ["receivable", "aging", "collection"],
        ["owes"] = ["receivable", "aging", "collection"],
        ["owed"] = ["receivable", "aging", "collection"],
        ["overdue"] = ["aging", "collection"],
        ["overrun"] = ["variance", "budget"],
        ["over"] = ["variance"],
        ["profit"] = ["margin"],
        ["cash"] = ["forecast"],
        ["insurance"] = ["coi"],
    };

    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "our", "who", "what", "which", "how", "most", "are", "is", "on", "of", "an", "to", "for", "by", "and", "per",
        "with", "us", "we", "if", "do", "does", "did", "it", "in", "at", "be", "that", "this", "there", "any", "all", "past",
    };

    public static bool AsksForAChange(string question) => WriteVerb().IsMatch(question);

    /// <param name="modelProblem">Why the configured model gave no answer that could be used (issue 15), or null when no model is configured.</param>
    public static AskAnswer Offline(string question, IEnumerable<IReport> reports, string tenant, string? modelProblem = null, int top = 3)
    {
        if (AsksForAChange(question))
        {
            return new AskAnswer(ProposeIt, [], Refused: true, AnsweredBy: "refused");
        }

        var asked = Words(question).SelectMany(w => Synonyms.TryGetValue(w, out var more) ? [w, .. more] : new[] { w }).ToHashSet(StringComparer.Ordinal);
        var ranked = reports
            .Select(r => (Report: r, Score: Words(r.Name + " " + r.Description).Distinct(StringComparer.Ordinal).Count(asked.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Report.Name, StringComparer.Ordinal)
            .Take(top).Select(x => x.Report).ToList();
        var lines = new List<string>
        {
            modelProblem is not null
                ? $"The model gave no answer the back office could use ({modelProblem}), so it names its reports."
                : "No model is configured (Model:Endpoint), so the back office does not answer in words.",
        };
        lines.Add(ranked.Count == 0
            ? "No report matches the question; `backoffice report list` shows them all."
            : "These reports answer it:");
        lines.AddRange(ranked.Select(r => $"  {r.Name}: {r.Description} (backoffice report {r.Name} --tenant {tenant})"));
        return new AskAnswer(string.Join("\n", lines), ranked.Select(r => r.Name).ToList(), Refused: false, FallbackReason: modelProblem);
    }

    /// <summary>Lower-case words of three letters or more, a plural "s" dropped, stopwords left out.</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)
            .Where(w => w.Length >= 3 && !Stopwords.Contains(w));

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex WordPattern();

    /// <summary>An instruction, not a question: it starts with a verb that changes data ("approve the bill", "please send...").
    /// A question that only mentions one ("what moves our margin if the change orders are approved?") is a question.</summary>
    [GeneratedRegex(@"^\s*(please\s+|(can|could|would|will)\s+you\s+(please\s+)?|go\s+ahead\s+and\s+)?(approve|execute|pay|send|post|void|delete|create|write\s*off|change|update|record|submit|undo|reverse|email|dun|mark|apply|release|cancel)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex WriteVerb();
}
