using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Collections;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Collections;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "collections.record-promise" (issue 5): records the promise a customer made on a call. The collector edits
/// amount and promised_date to what was promised before approving. Undo deletes the row it wrote.
/// Payload: <c>{ invoice_id, amount: "20095.00", promised_date, recorded_on, note }</c>.
/// </summary>
public sealed class RecordPromiseExecutor : IActionExecutor
{
    public const string Kind = "collections.record-promise";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken) =>
        new() { ["promise_id"] = request.IdempotencyKey, ["existed"] = await Store(request).ExistsAsync(request.IdempotencyKey, cancellationToken) };

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var promise = Parse(request.IdempotencyKey, request.Payload);
        var note = request.Payload["note"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var written = await Store(request).RecordAsync(promise, note, request.ProposalId, cancellationToken);
        return new ActionOutcome(promise.Id, new JsonObject { ["promise_id"] = promise.Id, ["written"] = written });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (priorState["existed"]?.GetValue<bool>() != true)
        {
            await Store(request).DeleteAsync(request.IdempotencyKey, cancellationToken);
        }
    }

    public static PromiseToPay Parse(string id, JsonObject payload)
    {
        var amountText = Text(payload, "amount");
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0m
            || amount != decimal.Round(amount, 2))
        {
            throw new ProposalPayloadException($"amount: '{amountText}' is not a positive amount in dollars and cents such as 1250.00.");
        }

        return new PromiseToPay(id, Text(payload, "invoice_id") ?? throw new ProposalPayloadException("invoice_id: missing."), amount,
            Date(payload, "promised_date"), Date(payload, "recorded_on"));
    }

    private static PromiseStore Store(ActionRequest request) => request.Data.Promises;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static DateOnly Date(JsonObject o, string name) =>
        DateOnly.TryParseExact(Text(o, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ProposalPayloadException($"{name}: '{Text(o, name)}' is not a date yyyy-MM-dd.");
}
