namespace BackOffice.Store.Collections;

public static class OutboxStates
{
    public const string Queued = "queued";
    public const string Delivering = "delivering";
    public const string Delivered = "delivered";
}

/// <summary>A message in the collections outbox (issue 5); times are StoreTime text (UTC).</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public string IdempotencyKey { get; init; } = "";
    public long? ProposalId { get; init; }
    public string Channel { get; init; } = "";
    public string Recipient { get; init; } = "";
    public string? Subject { get; init; }
    public string Body { get; init; } = "";
    public string? InvoiceId { get; init; }
    public string? Level { get; init; }
    public string State { get; init; } = "";
    public string QueuedAt { get; init; } = "";
    public string DeliverAfter { get; init; } = "";
    public string? DeliveredAt { get; init; }
    public string? DeliveredTo { get; init; }
    public string? LastError { get; init; }
}

/// <summary>What to queue: the executor builds it from an approved proposal's payload; the daily digest (issue 17) has no proposal.</summary>
public sealed record OutboxRequest(
    string IdempotencyKey, long? ProposalId, string Channel, string Recipient, string? Subject, string Body, string? InvoiceId, string? Level);

/// <summary>Undo came too late: the message already left (or is leaving), so it cannot be taken back (DESIGN.md rule 3).</summary>
public sealed class OutboxAlreadyDeliveredException(string key, string state)
    : Exception($"Message {key} is {state}: it has left the outbox and cannot be undone.")
{
    public string State { get; } = state;
}
