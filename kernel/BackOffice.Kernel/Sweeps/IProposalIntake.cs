using BackOffice.Kernel.Abstractions.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Sweeps;

/// <summary>Where a sweep hands its proposals: the gate, which stores them once per idempotency key.</summary>
public interface IProposalIntake
{
    Task<IntakeResult> SubmitAsync(TenantData tenant, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken);
}

/// <param name="Created">Proposals new in this sweep.</param>
/// <param name="Unchanged">Drafts whose idempotency key was already known: nothing new was stored.</param>
public sealed record IntakeResult(int Created, int Unchanged);
