using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents;

/// <summary>
/// What one check found and proposes (issue 12, part 5): a check is a function of the data that returns this,
/// instead of appending to lists its caller owns, so it can be run, tested and combined on its own. A sweep is the
/// concatenation of its checks' results, in the order the checks run.
/// </summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ProposalDraft> Proposals)
{
    public static CheckResult Empty { get; } = new([], []);

    public static CheckResult Of(IEnumerable<Finding> findings) => new(findings.ToList(), []);

    public static CheckResult Of(IEnumerable<Finding> findings, IEnumerable<ProposalDraft> proposals) => new(findings.ToList(), proposals.ToList());

    /// <summary>The results one after the other: findings and proposals keep the order of the checks that made them.</summary>
    public static CheckResult Combine(params IEnumerable<CheckResult> results)
    {
        var all = results.ToList();
        return new CheckResult(all.SelectMany(r => r.Findings).ToList(), all.SelectMany(r => r.Proposals).ToList());
    }

    public static CheckResult operator +(CheckResult left, CheckResult right) => Combine(left, right);

    public SweepResult ToSweepResult() => new(Findings, Proposals);
}
