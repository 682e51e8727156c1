namespace BackOffice.Kernel.Gate;

/// <summary>
/// The proposal state machine: proposed -> approved | rejected | superseded; approved -> executing -> executed | failed;
/// failed -> executing (retry); executing -> executing (an expired lease resumed); executed -> reverted.
/// Issue 19: approved -> failed when the payload no longer validates at execute (nothing was claimed); approved -> proposed
/// and failed -> proposed by an edit (failed only when its execution never started), which needs a fresh approval;
/// approved | failed -> rejected, so a stuck or failed proposal can be closed.
/// </summary>
public static class ProposalStates
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
    public const string Executing = "executing";
    public const string Executed = "executed";
    public const string Failed = "failed";
    public const string Reverted = "reverted";

    private static readonly HashSet<(string From, string To)> Allowed =
    [
        (Proposed, Approved), (Proposed, Rejected), (Proposed, Superseded),
        (Approved, Executing), (Failed, Executing), (Executing, Executing),
        (Executing, Executed), (Executing, Failed),
        (Executed, Reverted),
        (Approved, Failed), (Approved, Proposed), (Failed, Proposed), (Approved, Rejected), (Failed, Rejected),
    ];

    public static IReadOnlyList<string> All { get; } = [Proposed, Approved, Rejected, Superseded, Executing, Executed, Failed, Reverted];

    public static bool CanMove(string from, string to) => Allowed.Contains((from, to));
}
