using System.Globalization;
using BackOffice.Store.Proposals;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Events;

/// <summary>
/// The durable event inbox of one tenant (issue 9, tenant migration 1000). Insert-or-ignore on (source, event_id)
/// deduplicates redelivered events; the processor drains pending rows into sweeps. Issue 18: through units, so it runs
/// on either engine (the conflict target is left out: each engine's unique key is the one that conflicts).
/// </summary>
public sealed class EventInbox(TimeProvider clock)
{
    public sealed class PendingRow
    {
        public long Id { get; init; }
        public string Agent { get; init; } = "";

        public string Source { get; init; } = "";

        public string PayloadJson { get; init; } = "";

        /// <summary>The provider's event id (issue 13: the QuickBooks webhook event log's key).</summary>
        public string EventId { get; init; } = "";

        public string Entity { get; init; } = "";

        /// <summary>When the delivery was received (round-trip "O" text).</summary>
        public string ReceivedAt { get; init; } = "";
    }

    /// <summary>Stores the event; false when the same (source, event id) was already stored.</summary>
    public async Task<bool> AddAsync(TenantData tenant, InboundEvent e, string? agent, CancellationToken ct)
    {
        await using var unit = await tenant.WriteAsync(ct);
        var inserted = await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_inbox (source, event_id, entity, agent, payload_json, received_at, status)
            VALUES (@Source, @EventId, @Entity, @agent, @PayloadJson, @at, @status)
            ON CONFLICT DO NOTHING
            """,
            new { e.Source, e.EventId, e.Entity, agent = agent ?? "", e.PayloadJson, at = Now(), status = agent is null ? "ignored" : "pending" },
            unit.Transaction, cancellationToken: ct));
        await unit.CommitAsync(ct);
        return inserted == 1;
    }

    public static async Task<IReadOnlyList<PendingRow>> PendingAsync(TenantData tenant, CancellationToken ct)
    {
        await using var unit = await tenant.ReadAsync(ct);
        return (await unit.Connection.QueryAsync<PendingRow>(new CommandDefinition(
            "SELECT id AS Id, agent AS Agent, source AS Source, payload_json AS PayloadJson, event_id AS EventId, entity AS Entity, received_at AS ReceivedAt FROM event_inbox WHERE status = 'pending' ORDER BY id", cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Issue 18: claims up to <paramref name="limit"/> pending events no live claim holds, for <paramref name="claimFor"/>;
    /// on PostgreSQL rows another host is claiming are skipped (FOR UPDATE SKIP LOCKED), so each event is swept for once.
    /// </summary>
    public async Task<IReadOnlyList<PendingRow>> ClaimPendingAsync(TenantData tenant, TimeSpan claimFor, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var unit = await tenant.WriteAsync(ct);
        var claimed = (await unit.Connection.QueryAsync<PendingRow>(new CommandDefinition(
            $"""
            UPDATE event_inbox SET claim_until = @until
            WHERE id IN (
                SELECT id FROM event_inbox WHERE status = 'pending' AND (claim_until IS NULL OR claim_until <= @now)
                ORDER BY id LIMIT @limit{unit.SkipLocked})
            RETURNING id AS Id, agent AS Agent, source AS Source, payload_json AS PayloadJson, event_id AS EventId, entity AS Entity, received_at AS ReceivedAt
            """,
            new { now = StoreTime.ToText(now), until = StoreTime.ToText(now + claimFor), limit }, unit.Transaction, cancellationToken: ct))).AsList();
        await unit.CommitAsync(ct);
        return [.. claimed.OrderBy(r => r.Id)];
    }

    /// <summary>Gives claimed events back (their sweep could not run now), so the next pass claims them at once.</summary>
    public static async Task ReleaseAsync(TenantData tenant, IReadOnlyList<long> ids, CancellationToken ct)
    {
        await using var unit = await tenant.WriteAsync(ct);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE event_inbox SET claim_until = NULL WHERE {unit.InList("id", "@ids")}", new { ids = ids.ToArray() }, unit.Transaction, cancellationToken: ct));
        await unit.CommitAsync(ct);
    }

    public async Task FinishAsync(TenantData tenant, IReadOnlyList<long> ids, string? error, CancellationToken ct)
    {
        await using var unit = await tenant.WriteAsync(ct);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE event_inbox SET status = @status, processed_at = @at, error = @error WHERE {unit.InList("id", "@ids")}",
            new { status = error is null ? "done" : "failed", at = Now(), error, ids = ids.ToArray() },
            unit.Transaction, cancellationToken: ct));
        await unit.CommitAsync(ct);
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
