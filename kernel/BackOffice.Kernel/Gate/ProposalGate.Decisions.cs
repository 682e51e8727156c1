using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

public sealed partial class ProposalGate
{
    public Task<ProposalRow> ApproveAsync(TenantData tenant, Actor actor, long id, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanApprove(actor, FactsFor(row)));
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
            Ensure(GatePolicy.CanAct(actor, FactsFor(row), "reject"));
            EnsureCanMove(row, "rejected", ProposalStates.Rejected);
            if (!await ProposalStore.DecideAsync(unit, id, row.State, ProposalStates.Rejected, actor.Name, Now(), reason, cancellationToken))
            {
                throw Conflict(id, row.State, "rejected");
            }

            await _audit.AppendAsync(unit, actor.Name, "proposal.rejected", Subject(id),
                new JsonObject { ["reason"] = reason, ["from"] = row.State }, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes top-level payload fields listed as editable (issue 19): the edited payload is validated by its kind and
    /// its references looked up, or nothing is stored; the title, figures and narrative are recomputed from it; what
    /// the agent proposed is kept for the diff. An approved proposal, or one that failed before its execution started,
    /// goes back to proposed and needs a fresh approval. The idempotency key stays: it names the proposal, not its
    /// content, so an edited proposal still executes at most once.
    /// </summary>
    public Task<ProposalRow> EditAsync(TenantData tenant, Actor actor, long id, JsonObject changes, CancellationToken cancellationToken) =>
        InTransactionAsync(tenant, actor, id, async (unit) =>
        {
            var row = await LoadAsync(unit, id, cancellationToken);
            Ensure(GatePolicy.CanAct(actor, FactsFor(row), "edit"));
            await EnsureEditableAsync(unit, row, cancellationToken);
            EnsureFieldsEditable(row, changes);
            var payload = JsonNode.Parse(row.PayloadJson)!.AsObject();
            var (before, after) = Apply(payload, changes);
            var review = await ReviewAsync(unit, row, payload, cancellationToken);
            if (review.Problems.Count > 0)
            {
                throw new ProposalInvalidException(id, review.Problems);
            }

            var amountBefore = ExecutorFor(row).Review(JsonNode.Parse(row.PayloadJson)!.AsObject()).Summary?.Amount;
            var amountAfter = review.Summary?.Amount;
            var amountChanged = row.Risk == nameof(RiskClass.Money) && amountAfter is not null && amountAfter != amountBefore;
            if (amountChanged)
            {
                // Issue 19: nobody sets an amount above their own limit; the approver's limit is checked again at approve.
                Ensure(GatePolicy.WithinLimit(actor, FactsFor(row), amountAfter, "set"));
            }

            var edit = EditOf(row, payload, review.Summary, amountBefore, string.Join(", ", changes.Select(c => c.Key)), actor.Name, amountChanged);
            if (!await ProposalStore.EditAsync(unit, id, row.Version, row.State, edit, cancellationToken))
            {
                throw Conflict(id, row.State, "edited");
            }

            await _audit.AppendAsync(unit, actor.Name, "proposal.edited", Subject(id), new JsonObject
            {
                ["before"] = before, ["after"] = after, ["from"] = row.State, ["title"] = edit.Title,
                ["amount_before"] = amountBefore, ["amount_after"] = amountAfter, ["second_approver_needed"] = amountChanged,
            }, cancellationToken);
            return await LoadAsync(unit, id, cancellationToken);
        }, cancellationToken);

    private static void EnsureFieldsEditable(ProposalRow row, JsonObject changes)
    {
        var editable = JsonNode.Parse(row.EditableFieldsJson)!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var refused = changes.Select(c => c.Key).Where(k => !editable.Contains(k)).ToList();
        if (refused.Count > 0 || changes.Count == 0)
        {
            throw new GateRefusedException(changes.Count == 0
                ? "An edit needs at least one field."
                : $"Not editable on proposal {row.Id}: {string.Join(", ", refused)}. Editable: {string.Join(", ", editable)}.");
        }
    }

    private static (JsonObject Before, JsonObject After) Apply(JsonObject payload, JsonObject changes)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var (field, value) in changes)
        {
            before[field] = payload[field]?.DeepClone();
            after[field] = value?.DeepClone();
            payload[field] = value?.DeepClone();
        }

        return (before, after);
    }

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
