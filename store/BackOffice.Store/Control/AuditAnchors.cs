using System.Globalization;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>
/// Keeps the last known head of each tenant's audit chain in the control database. A chain alone cannot show
/// that events were cut from its end; the anchor can. The anchor only ever moves forward along the same chain:
/// if the chain no longer contains the anchored event, it is left where it is, so the evidence survives.
/// </summary>
public sealed class AuditAnchors(TenantDataSource data, TimeProvider clock)
{
    public async Task<(long Seq, string Hash)?> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        var row = await unit.Connection.QuerySingleOrDefaultAsync<AnchorRow>(new CommandDefinition(
            "SELECT seq AS Seq, hash AS Hash FROM audit_anchors WHERE tenant = @tenant", new { tenant }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Seq, row.Hash);
    }

    /// <summary>
    /// Moves the tenant's anchor to its chain's head, if the chain still holds the anchored event and everything after
    /// it links to it. Only the events from the anchor on are read: this runs after every approval and execution, so it
    /// must cost what was appended, not the whole history (`audit verify` still walks the whole chain).
    /// </summary>
    public async Task AdvanceAsync(string tenant, CancellationToken cancellationToken)
    {
        var anchor = await GetAsync(tenant, cancellationToken);
        IReadOnlyList<AuditEvent> events;
        await using (var tenantUnit = await data.For(tenant).ReadAsync(cancellationToken))
        {
            events = await AuditStore.ReadAsync(tenantUnit, new AuditQuery(FromSeq: anchor?.Seq ?? 0), cancellationToken);
        }

        if (events.Count == 0 || (anchor is { } a && AuditVerifier.VerifyContinuation(events, a) is not null))
        {
            return;
        }

        var head = events[^1];
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_anchors (tenant, seq, hash, updated_at) VALUES (@tenant, @Seq, @Hash, @at)
            ON CONFLICT (tenant) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at
            """, new { tenant, head.Seq, head.Hash, at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    private sealed class AnchorRow
    {
        public long Seq { get; init; }
        public string Hash { get; init; } = "";
    }
}
