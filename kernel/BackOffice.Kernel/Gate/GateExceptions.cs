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
