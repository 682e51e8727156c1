using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Gate;

/// <summary>What the policy needs to know about a proposal.</summary>
/// <param name="AgentDepartment">The proposing agent's department from <see cref="GateOptions"/>; null when not configured.</param>
/// <param name="AmountEditedBy">Who last changed the money amount by an edit (issue 19); null when nobody did.</param>
/// <param name="Amount">The proposal's money amount as it stands (after any edit); null when it has none.</param>
/// <param name="LimitFor">The amount limit of a role (lower-case name) in the agent's department; null when unlimited.</param>
public sealed record ProposalFacts(
    RiskClass Risk, string Agent, string? AgentDepartment, string ProposedBy, string? AmountEditedBy = null, decimal? Amount = null,
    Func<string, decimal?>? LimitFor = null);

public sealed record PolicyVerdict(bool Allowed, string Reason)
{
    public static PolicyVerdict Allow { get; } = new(true, "allowed");

    public static PolicyVerdict Refuse(string reason) => new(false, reason);
}

/// <summary>Who may do what at the gate (DESIGN.md rule 2). Pure: no I/O, so every rule is table-tested.</summary>
public static class GatePolicy
{
    /// <summary>The right to approve: the right to act on the proposal, and never one's own proposal.</summary>
    public static PolicyVerdict CanApprove(Actor actor, ProposalFacts proposal)
    {
        var verdict = CanAct(actor, proposal, "approve");
        if (!verdict.Allowed)
        {
            return verdict;
        }

        if (string.Equals(actor.Name, proposal.ProposedBy, StringComparison.Ordinal))
        {
            return PolicyVerdict.Refuse($"{actor.Name} proposed this and may not approve it.");
        }

        // Issue 19: whoever changed a money amount is the author of that amount; a second person approves it.
        return string.Equals(actor.Name, proposal.AmountEditedBy, StringComparison.Ordinal)
            ? PolicyVerdict.Refuse($"{actor.Name} changed the amount of this proposal; a second person must approve it.")
            : WithinLimit(actor, proposal, proposal.Amount, "approve");
    }

    /// <summary>
    /// Issue 19: a money amount above the actor's limit in the agent's department is refused: an edit may not raise an
    /// amount past the editor's own limit, and an approver approves only what is within theirs (a higher role must).
    /// </summary>
    public static PolicyVerdict WithinLimit(Actor actor, ProposalFacts proposal, decimal? amount, string verb)
    {
        var role = actor.Role.ToString().ToLowerInvariant();
        if (proposal.Risk != RiskClass.Money || amount is not { } value || proposal.LimitFor?.Invoke(role) is not { } limit || Math.Abs(value) <= limit)
        {
            return PolicyVerdict.Allow;
        }

        return PolicyVerdict.Refuse(
            $"{BackOffice.Domain.Money.MoneyText.Usd(Math.Abs(value))} is above the {role} limit of {BackOffice.Domain.Money.MoneyText.Usd(limit)} in {proposal.AgentDepartment}; " +
            $"{actor.Name} may not {verb} it: a role with a higher limit must.");
    }

    /// <summary>Execute, undo, reject and edit need the same right as approve; the proposer rule does not apply.</summary>
    public static PolicyVerdict CanAct(Actor actor, ProposalFacts proposal, string verb)
    {
        if (actor.Kind == ActorKind.Agent)
        {
            return PolicyVerdict.Refuse($"An agent never may {verb}: {actor.Name} is an agent.");
        }

        if (actor.Role == Role.Viewer)
        {
            return PolicyVerdict.Refuse($"{actor.Name} is a viewer and may not {verb}.");
        }

        if (proposal.Risk is RiskClass.Money or RiskClass.Legal)
        {
            return CanActOnMoneyOrLegal(actor, proposal, verb);
        }

        return PolicyVerdict.Allow;
    }

    /// <summary>Only a person with the admin role toggles write switches and agent modes.</summary>
    public static PolicyVerdict CanToggleSwitches(Actor actor) =>
        actor is { Kind: ActorKind.Person, Role: Role.Admin }
            ? PolicyVerdict.Allow
            : PolicyVerdict.Refuse($"Only an admin toggles switches; {actor.Name} is {actor.Kind} with role {actor.Role}.");

    /// <summary>
    /// Money and legal need a person leading the proposing agent's department. An admin of that department counts
    /// as its lead; an admin of no or another department does not (admin is about switches, not money).
    /// </summary>
    private static PolicyVerdict CanActOnMoneyOrLegal(Actor actor, ProposalFacts proposal, string verb)
    {
        if (actor.Kind != ActorKind.Person)
        {
            return PolicyVerdict.Refuse($"{proposal.Risk} proposals need a person; {actor.Name} may not {verb} them, even in auto mode.");
        }

        if (proposal.AgentDepartment is null)
        {
            return PolicyVerdict.Refuse($"No department is configured for agent {proposal.Agent}, so nobody may {verb} its {proposal.Risk} proposals.");
        }

        if (actor.Role < Role.Lead || !string.Equals(actor.Department, proposal.AgentDepartment, StringComparison.Ordinal))
        {
            return PolicyVerdict.Refuse(
                $"{proposal.Risk} proposals need the lead of {proposal.AgentDepartment}; {actor.Name} is {actor.Role} of {actor.Department ?? "no department"}.");
        }

        return PolicyVerdict.Allow;
    }
}
