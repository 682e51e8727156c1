using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Sweeps;

/// <summary>Hands a sweep's drafts to the gate, each as proposed by its agent.</summary>
public sealed class GateIntake(ProposalGate gate) : IProposalIntake
{
    public async Task<IntakeResult> SubmitAsync(TenantData tenant, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken)
    {
        var created = 0;
        var unchanged = 0;
        foreach (var group in drafts.GroupBy(d => d.Agent, StringComparer.Ordinal))
        {
            var result = await gate.SubmitAsync(tenant, Actor.Agent(group.Key), group.ToList(), cancellationToken);
            created += result.Created.Count;
            unchanged += result.Unchanged;
        }

        return new IntakeResult(created, unchanged);
    }
}
