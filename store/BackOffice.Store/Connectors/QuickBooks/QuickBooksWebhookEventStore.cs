using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// One entity operation a verified QuickBooks webhook named (issue 13, tenant migration 1352): realm, entity, id,
/// operation, the payload's lastUpdated (or a CloudEvent's time), when it was received, and what the sync did with it.
/// </summary>
public sealed record QuickBooksWebhookEvent(
    string EventId, string RealmId, string Entity, string EntityId, string Operation, string? LastUpdated, string ReceivedAt,
    string Outcome, string? Detail, string? ProcessedAt = null);

/// <summary>A page of webhook events, newest first, and how many there are in all since the date asked for.</summary>
public sealed record QuickBooksWebhookEventPage(IReadOnlyList<QuickBooksWebhookEvent> Rows, long Total);

/// <summary>
/// The tenant's log of QuickBooks webhook operations (issue 13): written when a delivery is received (pending, or
/// skipped when no agent reads its entity) and again when the event processor has fetched, deleted, merged, skipped or
/// failed it. Keyed by the event inbox's event id, so a redelivery is one row and a later outcome replaces the earlier.
/// </summary>
public sealed class QuickBooksWebhookEventStore(TenantData tenant)
{
    public const string Pending = "pending";
    public const string Fetched = "fetched";
    public const string Deleted = "deleted";
    public const string Merged = "merged";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>Adds the row, or (same event id) sets its outcome, detail and processed time; what was received stays.</summary>
    public async Task RecordAsync(QuickBooksWebhookEvent row, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quickbooks_webhook_events (event_id, realm_id, entity, entity_id, operation, last_updated, received_at, outcome, detail, processed_at)
            VALUES (@EventId, @RealmId, @Entity, @EntityId, @Operation, @LastUpdated, @ReceivedAt, @Outcome, @Detail, @ProcessedAt)
            ON CONFLICT ({unit.ConflictOn("event_id")}) DO UPDATE SET outcome = excluded.outcome, detail = excluded.detail, processed_at = excluded.processed_at
            """, row, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>The newest <paramref name="limit"/> rows received at or after <paramref name="since"/> (all when null), and the count of all of them.</summary>
    public async Task<QuickBooksWebhookEventPage> ListAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        var from = since is { } at ? StoreTime.ToText(at) : "";
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var total = await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM quickbooks_webhook_events WHERE received_at >= @from", new { from }, cancellationToken: cancellationToken));
        var rows = await unit.Connection.QueryAsync<QuickBooksWebhookEvent>(new CommandDefinition(
            """
            SELECT event_id AS EventId, realm_id AS RealmId, entity AS Entity, entity_id AS EntityId, operation AS Operation,
                   last_updated AS LastUpdated, received_at AS ReceivedAt, outcome AS Outcome, detail AS Detail, processed_at AS ProcessedAt
            FROM quickbooks_webhook_events WHERE received_at >= @from ORDER BY received_at DESC, id DESC LIMIT @limit
            """, new { from, limit }, cancellationToken: cancellationToken));
        return new QuickBooksWebhookEventPage(rows.AsList(), total);
    }
}
