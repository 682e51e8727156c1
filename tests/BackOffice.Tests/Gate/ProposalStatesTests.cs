using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

public sealed class ProposalStatesTests
{
    private static readonly HashSet<(string, string)> Expected =
    [
        ("proposed", "approved"), ("proposed", "rejected"), ("proposed", "superseded"),
        ("approved", "executing"), ("failed", "executing"), ("executing", "executing"),
        ("executing", "executed"), ("executing", "failed"), ("executed", "reverted"),
        // Issue 19: execute-time validation fails an approved proposal; an edit sends it back for approval; a stuck or
        // failed proposal can be rejected.
        ("approved", "failed"), ("approved", "proposed"), ("failed", "proposed"), ("approved", "rejected"), ("failed", "rejected"),
    ];

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in ProposalStates.All)
        {
            foreach (var to in ProposalStates.All)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_EveryPair_OnlyTheDesignedTransitions(string from, string to) =>
        Assert.Equal(Expected.Contains((from, to)), ProposalStates.CanMove(from, to));
}
