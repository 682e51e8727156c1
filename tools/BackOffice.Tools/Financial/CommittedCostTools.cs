using System.ComponentModel;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Project;

namespace BackOffice.Tools.Financial;

/// <param name="CostCode">Null for a change order that names no cost code: it is committed, but on no budget line.</param>
/// <param name="Source">Issue 17: the commitment line or change order the amount comes from ("commitment-lines:ID", "change-orders:ID").</param>
public sealed record CommittedAmount(string CommitmentId, string JobId, string? CostCode, decimal Amount, string? Source = null);

/// <summary>
/// The one definition of committed cost (issue 12; the Financial variance and the Documents bill match computed it two
/// ways). Committed = the lines of binding commitments (status approved or complete: a draft or pending subcontract binds
/// no one) plus their approved commitment change orders approved on or before the date (a later approval was not yet
/// committed then). A change order without a cost code still raises the commitment's total; by cost code it is not
/// placed on any budget line.
/// </summary>
public static class CommittedCostTools
{
    [Description("Committed cost as of a date: binding (approved or complete) commitments' lines plus their approved commitment change orders approved by then.")]
    public static IReadOnlyList<CommittedAmount> Committed(
        [Description("Commitments (subcontracts and purchase orders) from the project system")] IReadOnlyList<Commitment> commitments,
        [Description("Commitment lines (cost code and amount)")] IReadOnlyList<CommitmentLine> lines,
        [Description("Change orders; only approved commitment change orders count, split by their lines' cost codes where they list lines")] IReadOnlyList<ChangeOrder> changeOrders,
        [Description("The date the commitment is computed as of")] DateOnly asOf)
    {
        var binding = commitments.Where(c => c.Status is "approved" or "complete").ToDictionary(c => c.Id, StringComparer.Ordinal);
        var fromLines = lines.Where(l => binding.ContainsKey(l.CommitmentId))
            .Select(l => new CommittedAmount(l.CommitmentId, binding[l.CommitmentId].JobId, l.CostCode, l.Amount, $"commitment-lines:{l.Id}"));
        var fromChanges = changeOrders
            .Where(c => c.Kind == "commitment" && c.Status == "approved" && c.ApprovedDate <= asOf
                && c.CommitmentId is not null && binding.ContainsKey(c.CommitmentId))
            .SelectMany(ByCostCode);
        return fromLines.Concat(fromChanges).ToList();
    }

    /// <summary>
    /// A change order's committed amount: one part per line's cost code where it lists lines (issue 14), and what the
    /// lines do not cover (markup, or a change order without lines) on the change order's own cost code, if any.
    /// </summary>
    private static IEnumerable<CommittedAmount> ByCostCode(ChangeOrder change)
    {
        var lines = change.Lines ?? [];
        foreach (var line in lines)
        {
            yield return new CommittedAmount(change.CommitmentId!, change.JobId, line.CostCode, line.Amount, $"change-orders:{change.Id}");
        }

        var rest = change.Amount - lines.Sum(l => l.Amount);
        if (lines.Count == 0 || rest != 0m)
        {
            yield return new CommittedAmount(change.CommitmentId!, change.JobId, change.CostCode, rest, $"change-orders:{change.Id}");
        }
    }

    [Description("Committed cost by job and cost code (what a budget line has bought); uncoded change orders are left out.")]
    public static IReadOnlyDictionary<(string Job, string CostCode), decimal> ByJobAndCostCode(
        [Description("Committed amounts from Committed")] IReadOnlyList<CommittedAmount> committed) =>
        committed.Where(c => c.CostCode is not null).GroupBy(c => (Job: c.JobId, CostCode: c.CostCode!)).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));

    [Description("Committed cost by commitment (what a subcontract or PO is worth now), change orders with or without cost code included.")]
    public static IReadOnlyDictionary<string, decimal> ByCommitment(
        [Description("Committed amounts from Committed")] IReadOnlyList<CommittedAmount> committed) =>
        committed.GroupBy(c => c.CommitmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount), StringComparer.Ordinal);
}
