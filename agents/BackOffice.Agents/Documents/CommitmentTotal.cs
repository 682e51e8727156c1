using BackOffice.Domain.Financial;
using BackOffice.Domain.Project;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Documents;

/// <summary>What a commitment is worth now and the cost codes its lines carry, for matching a bill against it (issue 6).</summary>
internal sealed record CommitmentTotal(string CommitmentId, decimal Amount, IReadOnlyList<string> CostCodes)
{
    /// <summary>
    /// Issue 12: the amount is the one definition of committed cost (<see cref="CommittedCostTools"/>), the same the
    /// Financial variance uses; before, this side counted every commitment whatever its status and every approved change
    /// order whatever its date. A commitment that binds no one (draft, pending) has no total.
    /// </summary>
    public static IReadOnlyDictionary<string, CommitmentTotal> Compute(
        IReadOnlyList<Commitment> commitments, IReadOnlyList<CommitmentLine> lines, IReadOnlyList<ChangeOrder> changeOrders, DateOnly asOf)
    {
        var amounts = CommittedCostTools.ByCommitment(CommittedCostTools.Committed(commitments, lines, changeOrders, asOf));
        var codes = lines.ToLookup(l => l.CommitmentId, l => l.CostCode, StringComparer.Ordinal);
        return amounts.ToDictionary(
            a => a.Key, a => new CommitmentTotal(a.Key, a.Value, codes[a.Key].Distinct(StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
    }
}
