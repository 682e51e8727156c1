using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    /// <summary>
    /// Issue 13: the prior state is read from the target before the claim's write transaction opens, and stored by the
    /// claim in that transaction as before. No network call then runs while the tenant's write lock is held: a
    /// QuickBooks token refresh saves the rotated refresh token at once through a write of its own, which waited on the
    /// claim and ended as "tenant busy", and a 429 wait would have held every writer of the tenant. Only for a fresh
    /// claim that the claim would allow; otherwise null, and the claim checks again, refuses with its audit event, or
    /// captures inside its transaction as before.
    /// </summary>
    private async Task<JsonObject?> PrecaptureAsync(TenantData tenant, Actor actor, long id, CancellationToken cancellationToken)
    {
        ActionRequest request;
        IActionExecutor executor;
        await using (var unit = await tenant.ReadAsync(cancellationToken))
        {
            var row = await ProposalStore.GetAsync(unit, id, cancellationToken);
            if (row is null || !await FreshClaimAllowedAsync(unit, actor, row, cancellationToken))
            {
                return null;
            }

            executor = ExecutorFor(row);
            request = RequestFor(tenant, row);
            if ((await ReviewAsync(unit, row, request.Payload, cancellationToken)).Problems.Count > 0)
            {
                return null;
            }
        }

        return await executor.CapturePriorStateAsync(request, cancellationToken);
    }

    private async Task<bool> FreshClaimAllowedAsync(DataUnit unit, Actor actor, ProposalRow row, CancellationToken cancellationToken) =>
        row.State != ProposalStates.Executing
        && ProposalStates.CanMove(row.State, ProposalStates.Executing)
        && GatePolicy.CanAct(actor, FactsFor(row), "execute").Allowed
        && await GateSettingsStore.GetMasterAsync(unit, cancellationToken)
        && (await GateSettingsStore.GetAgentAsync(unit, row.Agent, cancellationToken)).WritesEnabled != 0
        && await ProposalExecutionStore.GetAsync(unit, row.Id, cancellationToken) is null;
}
