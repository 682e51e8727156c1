using System.ComponentModel;

namespace BackOffice.Tools.Matching;

public enum MatchBasis
{
    ExplicitLink,
    NormalizedName,
    Similarity,
    Ambiguous,
    None,
}

/// <summary>A candidate on the ledger side: its id and the names it goes by (name, fully qualified name).</summary>
public sealed record MatchCandidate(string Id, IReadOnlyList<string> Names);

/// <param name="LedgerId">The matched ledger id, or null when there is no confident match.</param>
/// <param name="Candidates">For an ambiguous result, the ids a person must choose between.</param>
public sealed record EntityMatch(string? LedgerId, MatchBasis Basis, decimal Score, IReadOnlyList<string> Candidates)
{
    public bool IsConfident => LedgerId is not null;
}

/// <summary>
/// Resolves a project-side record (job, vendor) to its ledger-side twin: an explicit link first, then equal
/// normalized names, then token similarity. Only a clear winner is used; anything else is left to a person
/// (issue 2 uses this for vendors and jobs; issue 3 extends it with amounts and dates as evidence).
/// </summary>
public sealed class CrossSystemMatcher
{
    /// <summary>Below this token similarity two names are not the same entity.</summary>
    public const decimal SimilarityThreshold = 0.75m;

    /// <summary>The best candidate must beat the runner-up by this much to be used without a person.</summary>
    public const decimal ClearMargin = 0.15m;

    [Description("Find the ledger record (QuickBooks customer/job or vendor) that is the same as a project-side record.")]
    public static EntityMatch Match(
        [Description("Project-side id, e.g. a Procore vendor id")] string projectId,
        [Description("Project-side name, e.g. 'Rivera Plumbing LLC'")] string projectName,
        [Description("Ledger candidates with the names they go by")] IReadOnlyList<MatchCandidate> candidates,
        [Description("Explicit links a person confirmed: project id -> ledger id")] IReadOnlyDictionary<string, string> links)
    {
        if (links.TryGetValue(projectId, out var linked))
        {
            return new EntityMatch(linked, MatchBasis.ExplicitLink, 1m, [linked]);
        }

        var normalized = NameNormalizer.Normalize(projectName);
        var exact = candidates.Where(c => c.Names.Any(n => NameNormalizer.Normalize(n) == normalized)).Select(c => c.Id).ToList();
        if (exact.Count == 1)
        {
            return new EntityMatch(exact[0], MatchBasis.NormalizedName, 1m, exact);
        }

        if (exact.Count > 1)
        {
            return new EntityMatch(null, MatchBasis.Ambiguous, 1m, exact);
        }

        var scored = candidates
            .Select(c => (c.Id, Score: c.Names.Max(n => NameNormalizer.Similarity(projectName, n))))
            .Where(s => s.Score >= SimilarityThreshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return scored switch
        {
            [] => new EntityMatch(null, MatchBasis.None, 0m, []),
            [var only] => new EntityMatch(only.Id, MatchBasis.Similarity, only.Score, [only.Id]),
            [var best, var second, ..] when best.Score - second.Score >= ClearMargin =>
                new EntityMatch(best.Id, MatchBasis.Similarity, best.Score, [best.Id]),
            _ => new EntityMatch(null, MatchBasis.Ambiguous, scored[0].Score, scored.Select(s => s.Id).ToList()),
        };
    }
}
