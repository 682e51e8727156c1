using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;
using BackOffice.Tools.Narration;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "collections.send-message" (issue 5): queues an approved dunning message in the outbox, to leave after the
/// configured delay. Undo inside the delay takes it out again (exactly the prior state: no message); once the
/// delivery runner has claimed or delivered it, undo is refused, because a delivered message cannot be recalled.
/// The approver may edit the wording, so the body is checked again here: every number must still be a computed figure.
/// Payload: <c>{ channel, to, subject, body, invoice_id, level, figures: ["40095.00", ...], identifiers: ["1047", ...] }</c>.
/// </summary>
public sealed class SendMessageExecutor(OutboxOptions options) : IActionExecutor
{
    public const string Kind = "collections.send-message";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var existing = await Store(request).GetAsync(request.IdempotencyKey, cancellationToken);
        return new JsonObject { ["outbox_key"] = request.IdempotencyKey, ["existed"] = existing is not null, ["state"] = existing?.State };
    }

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var p = request.Payload;
        var body = Text(p, "body") ?? throw new ProposalPayloadException("body: missing.");
        var subject = Text(p, "subject");
        var check = NumberCheck.Check((subject ?? "") + "\n" + body, Strings(p, "figures"), Strings(p, "identifiers"));
        if (!check.Passed)
        {
            throw new ProposalPayloadException($"body: numbers that are not computed figures: {string.Join(", ", check.Unknown)}.");
        }

        var message = await Store(request).EnqueueAsync(new OutboxRequest(
            request.IdempotencyKey, request.ProposalId, Text(p, "channel") ?? throw new ProposalPayloadException("channel: missing."),
            Text(p, "to") ?? throw new ProposalPayloadException("to: missing (no contact on file for this customer)."), subject, body,
            Text(p, "invoice_id"), Text(p, "level")), options.DeliveryDelay, cancellationToken);
        return new ActionOutcome(message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject
        {
            ["outbox_id"] = message.Id,
            ["state"] = message.State,
            ["deliver_after"] = message.DeliverAfter,
        });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["existed"]?.GetValue<bool>() == true)
        {
            return;
        }

        await Store(request).CancelAsync(request.IdempotencyKey, cancellationToken);
    }

    private static OutboxStore Store(ActionRequest request) => request.Data.Outbox;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static IEnumerable<string> Strings(JsonObject o, string name) =>
        (o[name] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>() ?? [];
}
