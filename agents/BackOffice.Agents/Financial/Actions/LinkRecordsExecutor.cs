using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "map.link": remembers that a project vendor or job is a given ledger record, once a person confirmed it (issue 3).
/// Writes the tenant's own database only; undo puts back the link that was there before, or removes it.
/// </summary>
public sealed class LinkRecordsExecutor(TimeProvider clock) : ActionExecutor<LinkRecordsPayload>
{
    /// <summary>Issue 17: writes financial_links only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, LinkRecordsPayload payload, CancellationToken cancellationToken)
    {
        var (kind, projectId, _) = payload.Checked();
        var prior = await request.Data.ConfirmedLinks.GetAsync(kind, projectId, cancellationToken);
        return new JsonObject
        {
            ["kind"] = kind,
            ["project_id"] = projectId,
            ["existed"] = prior is not null,
            ["ledger_id"] = prior?.LedgerId,
            ["proposal_id"] = prior?.ProposalId,
            ["confirmed_at"] = prior?.ConfirmedAt,
        };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, LinkRecordsPayload payload, CancellationToken cancellationToken)
    {
        var (kind, projectId, ledgerId) = payload.Checked();
        var confirmedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await request.Data.ConfirmedLinks.PutAsync(new ConfirmedLink(kind, projectId, ledgerId, request.ProposalId, confirmedAt), cancellationToken);
        return new ActionOutcome($"{kind}:{projectId}", new JsonObject { ["kind"] = kind, ["project_id"] = projectId, ["ledger_id"] = ledgerId });
    }

    protected override async Task UndoAsync(
        ActionRequest request, LinkRecordsPayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var store = request.Data.ConfirmedLinks;
        var kind = (string)priorState["kind"]!;
        var projectId = (string)priorState["project_id"]!;
        if ((bool)priorState["existed"]!)
        {
            await store.PutAsync(new ConfirmedLink(kind, projectId, (string)priorState["ledger_id"]!, (long)priorState["proposal_id"]!,
                (string)priorState["confirmed_at"]!), cancellationToken);
            return;
        }

        await store.DeleteAsync(kind, projectId, cancellationToken);
    }
}
