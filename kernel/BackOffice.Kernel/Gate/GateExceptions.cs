namespace BackOffice.Kernel.Gate;

/// <summary>The proposal is not in a state that allows the request (HTTP 409). The message names the current state.</summary>
public sealed class ProposalConflictException(long proposalId, string currentState, string message) : Exception(message)
{
    public long ProposalId { get; } = proposalId;

    public string CurrentState { get; } = currentState;
}

public sealed class ProposalNotFoundException(long proposalId) : Exception($"Proposal {proposalId} does not exist.")
{
    public long ProposalId { get; } = proposalId;
}

/// <summary>A gate policy refused the actor (HTTP 403); <see cref="Exception.Message"/> says which rule.</summary>
public sealed class GateRefusedException(string reason) : Exception(reason);

/// <summary>Execution or undo with a write switch off; <see cref="Switch"/> names it ("master" or "agent:financial").</summary>
public sealed class WritesDisabledException(string switchName, string message) : Exception(message)
{
    public string Switch { get; } = switchName;
}

/// <summary>
/// A payload that does not validate (issue 19; HTTP 400, CLI exit 2): every problem names its field, e.g.
/// "due_date: '31/31/2026' is not a date yyyy-MM-dd that exists." Nothing was stored.
/// </summary>
public sealed class ProposalInvalidException(long proposalId, IReadOnlyList<BackOffice.Kernel.Abstractions.Proposals.PayloadProblem> problems)
    : Exception($"Proposal {proposalId} is not valid: {string.Join("; ", problems)}")
{
    public long ProposalId { get; } = proposalId;

    public IReadOnlyList<BackOffice.Kernel.Abstractions.Proposals.PayloadProblem> Problems { get; } = problems;
}
