using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    public Task<ProposalRow> ApproveAsync(TenantData tenant, Actor actor, long id, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanApprove(actor, Facts(row)));
            EnsureCanMove(row, "approved", ProposalStates.Approved);
            await ApproveRowAsync(unit, actor, row, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);

    public Task<ProposalRow> RejectAsync(TenantData tenant, Actor actor, long id, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection needs a reason: it teaches the agent and it is audited.", nameof(reason));
        }

        return InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanAct(actor, Facts(row), "reject"));
            EnsureCanMove(row, "rejected", ProposalStates.Rejected);
            if (!await ProposalStore.DecideAsync(unit, id, ProposalStates.Proposed, ProposalStates.Rejected, actor.Name, Now(), reason, cancellationToken))
            {
                throw Conflict(id, row.State, "rejected");
            }

            await _audit.AppendAsync(unit, actor.Name, "proposal.rejected", Subject(id),
                new JsonObject { ["reason"] = reason }, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes top-level payload fields listed as editable, while the proposal is still proposed. The idempotency key
    /// stays: it names the proposal, not its content, so an edited proposal still executes at most once.
    /// </summary>
    public Task<ProposalRow> EditAsync(TenantData tenant, Actor actor, long id, JsonObject changes, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanAct(actor, Facts(row), "edit"));
            EnsureEditable(row);
            var editable = JsonNode.Parse(row.EditableFieldsJson)!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var refused = changes.Select(c => c.Key).Where(k => !editable.Contains(k)).ToList();
            if (refused.Count > 0 || changes.Count == 0)
            {
                throw new GateRefusedException(changes.Count == 0
                    ? "An edit needs at least one field."
                    : $"Not editable on proposal {id}: {string.Join(", ", refused)}. Editable: {string.Join(", ", editable)}.");
            }

            var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
            var before = new JsonObject();
            var after = new JsonObject();
            foreach (var (field, value) in changes)
            {
                before[field] = payload[field]?.DeepClone();
                after[field] = value?.DeepClone();
                payload[field] = value?.DeepClone();
            }

            if (!await ProposalStore.EditAsync(unit, id, row.Version, payload.ToJsonString(), actor.Name, Now(), cancellationToken))
            {
                throw Conflict(id, row.State, "edited");
            }

            await _audit.AppendAsync(unit, actor.Name, "proposal.edited", Subject(id),
                new JsonObject { ["before"] = before, ["after"] = after }, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);

    private async Task ApproveRowAsync(
        DataUnit unit, Actor actor, ProposalRow row, CancellationToken cancellationToken)
    {
        if (!await ProposalStore.DecideAsync(unit, row.Id, ProposalStates.Proposed, ProposalStates.Approved, actor.Name, Now(), null, cancellationToken))
        {
            throw Conflict(row.Id, row.State, "approved");
        }

        await _audit.AppendAsync(unit, actor.Name, "proposal.approved", Subject(row.Id),
            new JsonObject { ["risk"] = row.Risk, ["version"] = row.Version }, cancellationToken);
    }
}
