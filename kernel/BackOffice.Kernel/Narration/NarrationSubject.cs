using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Audit;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// One finding or proposal to explain: its computed figures, its template narrative, and (for a proposal) the
/// payload whose text fields may be named as facts. <see cref="Slots"/> are the placeholders a narrative may use (issue 15).
/// </summary>
public sealed record NarrationSubject(string Kind, string Key, string Agent, string Title, IReadOnlyList<Figure> Figures, string TemplateNarrative, JsonObject? Payload)
{
    /// <summary>Built on each call (not cached, so that a copy made with <c>with</c> never carries stale slots).</summary>
    public NarrativeSlots Slots => NarrativeSlots.For(Figures, Payload, Title, TemplateNarrative);

    public static NarrationSubject Of(Finding finding) =>
        new("finding", finding.Key, finding.Agent, finding.Title, finding.Figures, finding.Narrative, null);

    public static NarrationSubject Of(ProposalDraft draft) =>
        new("proposal", draft.IdempotencyKey, draft.Agent, draft.Title, draft.Figures, draft.Narrative, draft.Payload);

    /// <summary>
    /// The cache key: SHA-256 of the canonical JSON of everything the narrative depends on, including which narrator and
    /// prompt versions write it, so a changed figure, title, model or prompt costs one new model call and nothing else does.
    /// </summary>
    public string FactsHash(string narratorId)
    {
        var facts = new JsonObject
        {
            ["kind"] = Kind,
            ["key"] = Key,
            ["title"] = Title,
            ["figures"] = JsonSerializer.SerializeToNode(Figures, FigureJson.Options),
            ["template"] = TemplateNarrative,
            ["payload"] = Payload?.DeepClone(),
            ["narrator"] = narratorId,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(facts))));
    }
}
