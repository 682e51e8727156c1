using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Abstractions.Agents;

/// <summary>
/// An agent reads the tenant's data, calls tools, and returns what it found and what it proposes.
/// It never writes to any system: the gate does that after a person approves (DESIGN.md rule 2).
/// </summary>
public interface IAgent
{
    /// <summary>Lower-case name used on the command line and in configuration, e.g. "financial".</summary>
    string Name { get; }

    /// <summary>The department whose lead approves this agent's money and legal proposals.</summary>
    string Department { get; }

    Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken);
}

/// <param name="Data">The tenant's data context (issue 12): its stores and clock. Agents read through it, never a file path.</param>
/// <param name="AsOf">The business date the sweep computes for.</param>
/// <param name="Progress">Receives short human-readable progress lines; may be ignored.</param>
/// <param name="Memory">The tenant's memory (issue 4): what people taught the back office. Null only when its store is
/// unreachable this sweep; the runner says so in the log.</param>
public sealed record SweepContext(
    BackOffice.Store.Tenancy.TenantData Data, DateOnly AsOf, IProgress<string> Progress, BackOffice.Domain.Memory.ITenantMemory? Memory)
{
    public string Tenant => Data.Tenant;
}

public sealed record SweepResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ProposalDraft> Proposals)
{
    public static SweepResult Empty { get; } = new([], []);
}
