using System.ComponentModel;
using BackOffice.Domain.Tools;

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

/// <summary>Auto: a best score at or above it is used without a person. Review: at or above it (and below Auto) a person decides.</summary>
public sealed record MatchThresholds(decimal Auto, decimal Review, decimal ClearMargin)
{
    /// <summary>Chosen on the labelled set in tests/BackOffice.Tests/Financial/MatcherAccuracyTests.cs (issue 3 note).</summary>
    public static MatchThresholds Default { get; } = new(0.75m, 0.4m, 0.2m);
}

/// <summary>
/// Resolves a project-side record (job, vendor) to its ledger-side twin: an explicit link first, then equal
/// normalized names, then fuzzy similarity (<see cref="FuzzySimilarity"/>). Only a clear winner above the auto
/// threshold is used; a plausible but unclear one is Ambiguous (a person confirms a link once, issue 3); below the
/// review threshold there is no match.
/// </summary>
[ToolAccess(ToolAccess.Read)]
public sealed class CrossSystemMatcher
{
    /// <summary>Below this similarity two names are not the same entity without a person saying so.</summary>
    public const decimal SimilarityThreshold = 0.75m;

    /// <summary>The best candidate must beat the runner-up by this much to be used without a person.</summary>
    public const decimal ClearMargin = 0.2m;

    [Description("Find the ledger record (QuickBooks customer/job or vendor) that is the same as a project-side record.")]
    public static EntityMatch Match(
        [Description("Project-side id, e.g. a Procore vendor id")] string projectId,
        [Description("Project-side name, e.g. 'Rivera Plumbing LLC'")] string projectName,
        [Description("Ledger candidates with the names they go by")] IReadOnlyList<MatchCandidate> candidates,
        [Description("Explicit links a person confirmed: project id -> ledger id")] IReadOnlyDictionary<string, string> links) =>
        Match(projectId, projectName, candidates, links, MatchThresholds.Default);

    public static EntityMatch Match(
        string projectId, string projectName, IReadOnlyList<MatchCandidate> candidates, IReadOnlyDictionary<string, string> links, MatchThresholds thresholds)
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
            .Select(c => (c.Id, Score: c.Names.Max(n => FuzzySimilarity.Score(projectName, n))))
            .Where(s => s.Score >= thresholds.Review)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0)
        {
            return new EntityMatch(null, MatchBasis.None, 0m, []);
        }

        var best = scored[0];
        var clear = scored.Count == 1 || best.Score - scored[1].Score >= thresholds.ClearMargin;
        return best.Score >= thresholds.Auto && clear
            ? new EntityMatch(best.Id, MatchBasis.Similarity, best.Score, [best.Id])
            : new EntityMatch(null, MatchBasis.Ambiguous, best.Score, scored.Take(3).Select(s => s.Id).ToList());
    }
}
