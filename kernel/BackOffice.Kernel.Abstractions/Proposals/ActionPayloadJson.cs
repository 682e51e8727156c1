using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// The one JSON shape of action payloads (issue 12): snake_case field names, nulls written, properties in record order.
/// That is exactly the shape agents built by hand before, so stored payloads, editable field names and idempotency
/// keys (hashed from the payload) stay the same.
/// </summary>
public static class ActionPayloadJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>The payload as the <see cref="ProposalDraft.Payload"/> the gate stores.</summary>
    public static JsonObject ToJson<TPayload>(TPayload payload)
        where TPayload : IActionPayload =>
        JsonSerializer.SerializeToNode(payload, Options)?.AsObject() ?? throw new ArgumentNullException(nameof(payload));

    /// <summary>
    /// Reads a stored (possibly edited) payload. A field of the wrong JSON type is refused naming the field, like every
    /// other payload error, so the approver can fix it; the executor checks the values themselves.
    /// </summary>
    public static TPayload Read<TPayload>(JsonObject payload)
        where TPayload : IActionPayload
    {
        try
        {
            return payload.Deserialize<TPayload>(Options) ?? throw new ProposalPayloadException($"{TPayload.Kind}: payload missing.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "payload";
            throw new ProposalPayloadException($"{field}: not the expected type for {TPayload.Kind}.", ex);
        }
    }
}
