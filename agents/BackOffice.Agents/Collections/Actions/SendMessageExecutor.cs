using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;
using BackOffice.Tools.Narration;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// "collections.send-message" (issue 5): queues an approved dunning message in the outbox, to leave after the
/// configured delay. Undo inside the delay takes it out again (exactly the prior state: no message); once the
/// delivery runner has claimed or delivered it, undo is refused, because a delivered message cannot be recalled.
/// The approver may edit the wording, so the body is checked again here: every number must still be a computed figure.
/// </summary>
public sealed class SendMessageExecutor(OutboxOptions options) : ActionExecutor<SendMessagePayload>
{
    /// <summary>Issue 17: writes collections_outbox only, a counted side table.</summary>
    public override bool WritesTracked => true;

    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, SendMessagePayload payload, CancellationToken cancellationToken)
    {
        var existing = await Store(request).GetAsync(request.IdempotencyKey, cancellationToken);
        return new JsonObject { ["outbox_key"] = request.IdempotencyKey, ["existed"] = existing is not null, ["state"] = existing?.State };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, SendMessagePayload p, CancellationToken cancellationToken)
    {
        var body = Text(p.Body) ?? throw new ProposalPayloadException("body: missing.");
        var subject = Text(p.Subject);
        var check = NumberCheck.Check((subject ?? "") + "\n" + body, Strings(p.Figures), Strings(p.Identifiers));
        if (!check.Passed)
        {
            throw new ProposalPayloadException($"body: numbers that are not computed figures: {string.Join(", ", check.Unknown)}.");
        }

        var message = await Store(request).EnqueueAsync(new OutboxRequest(
            request.IdempotencyKey, request.ProposalId, Text(p.Channel) ?? throw new ProposalPayloadException("channel: missing."),
            Text(p.To) ?? throw new ProposalPayloadException("to: missing (no contact on file for this customer)."), subject, body,
            Text(p.InvoiceId), Text(p.Level)), options.DeliveryDelay, cancellationToken);
        return new ActionOutcome(message.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
        {
            ["outbox_id"] = message.Id,
            ["state"] = message.State,
            ["deliver_after"] = message.DeliverAfter,
        });
    }

    protected override async Task UndoAsync(
        ActionRequest request, SendMessagePayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["existed"]?.GetValue<bool>() == true)
        {
            return;
        }

        await Store(request).CancelAsync(request.IdempotencyKey, cancellationToken);
    }

    private static OutboxStore Store(ActionRequest request) => request.Data.Outbox;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static IEnumerable<string> Strings(IReadOnlyList<string?>? values) => values?.OfType<string>() ?? [];
}
