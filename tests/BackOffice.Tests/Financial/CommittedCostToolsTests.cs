using BackOffice.Domain.Financial;
using BackOffice.Domain.Project;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 12: the one definition of committed cost that the Financial variance and the Documents bill match share.</summary>
public sealed class CommittedCostToolsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    private static readonly Commitment[] Commitments =
    [
        new("c-1", "job-1", "v-1", "SC-1", null, "subcontract", "approved", 10m),
        new("c-2", "job-1", "v-2", "PO-2", null, "purchase_order", "complete", 0m),
        new("c-3", "job-1", "v-3", "SC-3", null, "subcontract", "draft", 10m),
    ];

    private static readonly CommitmentLine[] Lines =
    [
        new("l-1", "c-1", "22-000", 10_000m), new("l-2", "c-2", "06-100", 2_000m), new("l-3", "c-3", "09-250", 5_000m),
    ];

    private static ChangeOrder Co(string id, string commitment, string status, decimal amount, string? costCode, DateOnly? approved) =>
        new(id, "job-1", "commitment", commitment, id.ToUpperInvariant(), status, amount, costCode, approved);

    [Fact]
    public void Committed_BindingLinesPlusChangesApprovedByTheDate()
    {
        var changes = new[]
        {
            Co("co-1", "c-1", "approved", 1_000m, "22-000", AsOf),              // counts: approved on the date
            Co("co-2", "c-1", "approved", 700m, "22-000", AsOf.AddDays(1)),     // approved after the date
            Co("co-3", "c-1", "pending", 300m, "22-000", null),                 // not approved
            Co("co-4", "c-3", "approved", 400m, "09-250", AsOf),                // on a draft commitment
            Co("co-5", "c-2", "approved", 250m, null, AsOf),                    // uncoded: on the commitment, on no budget line
        };

        var committed = CommittedCostTools.Committed(Commitments, Lines, changes, AsOf);

        Assert.Equal(new Dictionary<string, decimal> { ["c-1"] = 11_000m, ["c-2"] = 2_250m }, CommittedCostTools.ByCommitment(committed));
        var byCode = CommittedCostTools.ByJobAndCostCode(committed);
        Assert.Equal(11_000m, byCode[("job-1", "22-000")]);
        Assert.Equal(2_000m, byCode[("job-1", "06-100")]);
        Assert.False(byCode.ContainsKey(("job-1", "09-250")));
    }

    [Fact]
    public void Committed_ChangeOrderWithLines_SplitsByTheLinesCostCodesAndLeavesMarkupUncoded()
    {
        // Issue 14: a Procore change order package lists its lines by cost code; $250.00 of markup is on no line.
        var change = Co("co-6", "c-1", "approved", 5_250m, null, AsOf) with
        {
            Lines = [new ChangeOrderLine("22-000", 4_500m), new ChangeOrderLine("06-100", 500m)],
        };

        var committed = CommittedCostTools.Committed(Commitments, Lines, [change], AsOf);

        var byCode = CommittedCostTools.ByJobAndCostCode(committed);
        Assert.Equal(14_500m, byCode[("job-1", "22-000")]);
        Assert.Equal(2_500m, byCode[("job-1", "06-100")]);
        Assert.Equal(15_250m, CommittedCostTools.ByCommitment(committed)["c-1"]);
    }
}
