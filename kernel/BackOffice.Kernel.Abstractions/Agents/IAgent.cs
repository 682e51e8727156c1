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

/// <param name="Tenant">Tenant being swept.</param>
/// <param name="AsOf">The business date the sweep computes for.</param>
/// <param name="TenantDatabasePath">The tenant's SQLite database; agents read it through store classes.</param>
/// <param name="Progress">Receives short human-readable progress lines; may be ignored.</param>
/// <param name="Memory">The tenant's memory (issue 4): what people taught the back office. Null when none is wired (unit tests).</param>
public sealed record SweepContext(
    string Tenant, DateOnly AsOf, string TenantDatabasePath, IProgress<string> Progress, BackOffice.Domain.Memory.ITenantMemory? Memory = null);

public sealed record SweepResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ProposalDraft> Proposals)
{
    public static SweepResult Empty { get; } = new([], []);
}
