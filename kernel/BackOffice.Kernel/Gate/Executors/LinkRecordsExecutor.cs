using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "map.link": remembers that a project vendor or job is a given ledger record, once a person confirmed it (issue 3).
/// Writes the tenant's own database only; undo puts back the link that was there before, or removes it.
/// </summary>
public sealed class LinkRecordsExecutor(TimeProvider clock) : IActionExecutor
{
    public const string Kind = "map.link";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var (kind, projectId, _) = Parse(request.Payload);
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

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var (kind, projectId, ledgerId) = Parse(request.Payload);
        var confirmedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await request.Data.ConfirmedLinks.PutAsync(new ConfirmedLink(kind, projectId, ledgerId, request.ProposalId, confirmedAt), cancellationToken);
        return new ActionOutcome($"{kind}:{projectId}", new JsonObject { ["kind"] = kind, ["project_id"] = projectId, ["ledger_id"] = ledgerId });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
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

    private static (string Kind, string ProjectId, string LedgerId) Parse(JsonObject payload)
    {
        var kind = (string?)payload["kind"];
        var projectId = (string?)payload["project_id"];
        var ledgerId = (string?)payload["ledger_id"];
        if (kind is not ("vendor" or "job") || string.IsNullOrWhiteSpace(projectId) || string.IsNullOrWhiteSpace(ledgerId))
        {
            throw new ProposalPayloadException("map.link needs kind (vendor|job), project_id and ledger_id.");
        }

        return (kind, projectId, ledgerId);
    }
}
