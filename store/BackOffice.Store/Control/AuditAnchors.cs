using System.Data.Common;
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
    /// <summary>The anchor row of the control chain (issue 19); not a valid tenant name, so it never collides with one.</summary>
    public const string ControlChain = "@control";

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
        AuditKey key;
        await using (var tenantUnit = await data.For(tenant).ReadAsync(cancellationToken))
        {
            events = await AuditStore.ReadAsync(tenantUnit, new AuditQuery(FromSeq: anchor?.Seq ?? 0), cancellationToken);
            key = tenantUnit.AuditKey!;
        }

        if (events.Count == 0 || (anchor is { } a && AuditVerifier.VerifyContinuation(events, a, key) is not null))
        {
            return;
        }

        var head = events[^1];
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await SetAsync(unit.Connection, unit.Transaction, key, tenant, head.Seq, head.Hash, clock.GetUtcNow(), cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records a chain's head with a MAC under the audit key (issue 19), so the anchor cannot be moved back to match a
    /// shortened chain by someone who holds the control database but not the key. Plain SQL both engines accept (issue 18).
    /// </summary>
    internal static Task SetAsync(
        DbConnection connection, DbTransaction? transaction, AuditKey key,
        string chain, long seq, string hash, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_anchors (tenant, seq, hash, updated_at, mac) VALUES (@chain, @seq, @hash, @at, @mac)
            ON CONFLICT (tenant) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at, mac = excluded.mac
            """, new { chain, seq, hash, at = at.ToString("O", CultureInfo.InvariantCulture), mac = MacOf(key, chain, seq, hash) },
            transaction, cancellationToken: cancellationToken));

    /// <summary>What the anchor's MAC covers: which chain, how far, and the head's hash.</summary>
    internal static string MacOf(AuditKey key, string chain, long seq, string hash) => key.Mac($"anchor|{chain}|{seq}|{hash}");

    /// <summary>The anchor of a chain with its MAC (null for an anchor recorded before issue 19).</summary>
    internal static async Task<(long Seq, string Hash, string? Mac)?> GetWithMacAsync(
        DbConnection control, string chain, CancellationToken cancellationToken)
    {
        var row = await control.QuerySingleOrDefaultAsync<AnchorRow>(new CommandDefinition(
            "SELECT seq AS Seq, hash AS Hash, mac AS Mac FROM audit_anchors WHERE tenant = @chain", new { chain },
            cancellationToken: cancellationToken));
        return row is null ? null : (row.Seq, row.Hash, row.Mac);
    }

    private sealed class AnchorRow
    {
        public long Seq { get; init; }
        public string Hash { get; init; } = "";
        public string? Mac { get; init; }
    }
}
