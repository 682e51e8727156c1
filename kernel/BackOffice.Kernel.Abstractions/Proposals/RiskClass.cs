namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// What approving a proposal risks. Money and Legal always need a lead of the agent's department,
/// even in auto mode (DESIGN.md rule 2); Routine may be approved by the auto policy.
/// </summary>
public enum RiskClass
{
    Routine,
    Money,
    Legal,
}
