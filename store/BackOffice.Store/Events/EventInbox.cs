using System.Globalization;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Events;

/// <summary>
/// The durable event inbox of one tenant (issue 9, tenant migration 1000). Insert-or-ignore on (source, event_id)
/// deduplicates redelivered events; the processor drains pending rows into sweeps.
/// </summary>
public sealed class EventInbox(TimeProvider clock)
{
    public sealed class PendingRow
    {
        public long Id { get; init; }
        public string Agent { get; init; } = "";

        public string Source { get; init; } = "";

        public string PayloadJson { get; init; } = "";
    }

    /// <summary>Stores the event; false when the same (source, event id) was already stored.</summary>
    public async Task<bool> AddAsync(TenantData tenant, InboundEvent e, string? agent, CancellationToken ct)
    {
        await using var connection = await tenant.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_inbox (source, event_id, entity, agent, payload_json, received_at, status)
            VALUES (@Source, @EventId, @Entity, @agent, @PayloadJson, @at, @status)
            ON CONFLICT (source, event_id) DO NOTHING
            """,
            new { e.Source, e.EventId, e.Entity, agent = agent ?? "", e.PayloadJson, at = Now(), status = agent is null ? "ignored" : "pending" },
            cancellationToken: ct));
        return inserted == 1;
    }

    public static async Task<IReadOnlyList<PendingRow>> PendingAsync(TenantData tenant, CancellationToken ct)
    {
        await using var connection = await tenant.OpenAsync(ct);
        return (await connection.QueryAsync<PendingRow>(new CommandDefinition(
            "SELECT id AS Id, agent AS Agent, source AS Source, payload_json AS PayloadJson FROM event_inbox WHERE status = 'pending' ORDER BY id", cancellationToken: ct))).AsList();
    }

    public async Task FinishAsync(TenantData tenant, IReadOnlyList<long> ids, string? error, CancellationToken ct)
    {
        await using var connection = await tenant.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_inbox SET status = @status, processed_at = @at, error = @error WHERE id IN (SELECT value FROM json_each(@ids))",
            new { status = error is null ? "done" : "failed", at = Now(), error, ids = System.Text.Json.JsonSerializer.Serialize(ids) },
            cancellationToken: ct));
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
