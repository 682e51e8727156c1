using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Audit;

/// <summary>Which audit events to read; null means any. <paramref name="FromSeq"/> starts the read at that event.</summary>
public sealed record AuditQuery(string? Subject = null, string? Kind = null, long FromSeq = 0);

/// <summary>
/// Appends to and reads the audit chain of one database. Appends take the caller's transaction so that a
/// state change and its audit event commit together or not at all.
/// </summary>
public sealed class AuditStore(TimeProvider clock)
{
    /// <summary>Appends in the unit's transaction, so the event commits with the change it records.</summary>
    public Task<AuditEvent> AppendAsync(
        DataUnit unit, string actor, string kind, string subject, JsonObject data, CancellationToken cancellationToken) =>
        AppendAsync(unit.Connection, unit.Transaction ?? throw new InvalidOperationException("An audit event is appended in a write unit."),
            unit.AuditKey ?? throw new InvalidOperationException("An audit event is appended through a unit that holds the audit key."),
            actor, kind, subject, data, cancellationToken);

    /// <summary>
    /// Appends one event keyed with <paramref name="key"/> (issue 19). A chain whose head is not keyed yet (written
    /// before the key existed) first gets an <c>audit.keyed</c> event, the recorded point from which it is keyed.
    /// </summary>
    internal async Task<AuditEvent> AppendAsync(
        DbConnection connection, DbTransaction transaction, AuditKey key, string actor, string kind, string subject, JsonObject data,
        CancellationToken cancellationToken)
    {
        var last = await EnsureKeyedAsync(connection, transaction, key, cancellationToken);
        return await InsertAsync(connection, transaction, key, last, actor, kind, subject, data, cancellationToken);
    }

    /// <summary>The chain's head, after appending the <c>audit.keyed</c> event if the head is not keyed yet.</summary>
    internal async Task<AuditEvent?> EnsureKeyedAsync(
        DbConnection connection, DbTransaction transaction, AuditKey key, CancellationToken cancellationToken)
    {
        var last = (await connection.QuerySingleOrDefaultAsync<AuditEventRow>(new CommandDefinition(
            Columns + " FROM audit_events ORDER BY seq DESC LIMIT 1", transaction: transaction,
            cancellationToken: cancellationToken)))?.ToEvent();
        if (last is not null && last.HashWith(key) != last.Hash)
        {
            last = await InsertAsync(connection, transaction, key, last, "system", AuditKeying.KeyedKind, "audit",
                new JsonObject { ["keyFingerprint"] = key.Fingerprint }, cancellationToken);
        }

        return last;
    }

    private async Task<AuditEvent> InsertAsync(
        DbConnection connection, DbTransaction transaction, AuditKey key, AuditEvent? last, string actor, string kind, string subject,
        JsonObject data, CancellationToken cancellationToken)
    {
        var seq = (last?.Seq ?? 0) + 1;
        var prevHash = last?.Hash ?? AuditEvent.Genesis;
        var at = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var dataJson = CanonicalJson.Serialize(data);
        var hash = AuditEvent.ComputeHash(seq, at, actor, kind, subject, dataJson, prevHash, key);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_events (seq, at, actor, kind, subject, data_json, prev_hash, hash)
            VALUES (@seq, @at, @actor, @kind, @subject, @dataJson, @prevHash, @hash)
            """,
            new { seq, at, actor, kind, subject, dataJson, prevHash, hash }, transaction, cancellationToken: cancellationToken));
        return new AuditEvent(seq, at, actor, kind, subject, dataJson, prevHash, hash);
    }

    /// <summary>
    /// Appends to the control chain and moves its anchor in the same transaction (issue 19: the control chain is
    /// anchored as the tenant chains are, so cutting users', tenants' or sign-in events from its end is detected).
    /// </summary>
    internal async Task<AuditEvent> AppendControlAsync(
        DbConnection connection, DbTransaction transaction, AuditKey key, string actor, string kind, string subject, JsonObject data,
        CancellationToken cancellationToken)
    {
        var appended = await AppendAsync(connection, transaction, key, actor, kind, subject, data, cancellationToken);
        await Control.AuditAnchors.SetAsync(connection, transaction, key, Control.AuditAnchors.ControlChain, appended.Seq, appended.Hash,
            clock.GetUtcNow(), cancellationToken);
        return appended;
    }

    /// <summary>Appends to the control chain in a control write unit (either engine, issue 18), moving its anchor with it.</summary>
    internal Task<AuditEvent> AppendControlAsync(
        DataUnit unit, string actor, string kind, string subject, JsonObject data, CancellationToken cancellationToken) =>
        AppendControlAsync(unit.Connection, unit.Transaction ?? throw new InvalidOperationException("An audit event is appended in a write unit."),
            unit.AuditKey ?? throw new InvalidOperationException("An audit event is appended through a unit that holds the audit key."),
            actor, kind, subject, data, cancellationToken);

    /// <summary>Appends to the control chain in a unit of its own, for events that accompany no other change (a sign-in).</summary>
    internal async Task<AuditEvent> AppendControlAloneAsync(
        TenantDataSource source, string actor, string kind, string subject, JsonObject data, CancellationToken cancellationToken)
    {
        await using var unit = await source.WriteControlAsync(cancellationToken);
        var appended = await AppendControlAsync(unit, actor, kind, subject, data, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return appended;
    }

    private const string Columns =
        """
        SELECT seq AS Seq, at AS At, actor AS Actor, kind AS Kind, subject AS Subject, data_json AS DataJson,
               prev_hash AS PrevHash, hash AS Hash
        """;

    /// <summary>Appends one event on its own to the tenant's chain (a refusal, a login): nothing else commits with it.</summary>
    public async Task<AuditEvent> AppendAloneAsync(
        TenantData tenant, string actor, string kind, string subject, JsonObject data, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var appended = await AppendAsync(unit, actor, kind, subject, data, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return appended;
    }

    /// <summary>The whole chain in sequence order (the verifier finds gaps and broken links in it).</summary>
    public static Task<IReadOnlyList<AuditEvent>> ReadAllAsync(DataUnit unit, CancellationToken cancellationToken) =>
        ReadAsync(unit, new AuditQuery(), cancellationToken);

    /// <summary>
    /// Only the events a caller needs, in sequence order: one proposal's history (subject is indexed), one kind, or the
    /// part of the chain from a given event on. Reading the whole chain to keep a slice of it grows with history.
    /// </summary>
    public static async Task<IReadOnlyList<AuditEvent>> ReadAsync(DataUnit unit, AuditQuery filter, CancellationToken cancellationToken)
    {
        var where = new List<string> { "seq >= @FromSeq" };
        if (filter.Subject is not null)
        {
            where.Add("subject = @Subject");
        }

        if (filter.Kind is not null)
        {
            where.Add("kind = @Kind");
        }

        var rows = await unit.Connection.QueryAsync<AuditEventRow>(new CommandDefinition(
            $"""
            SELECT seq AS Seq, at AS At, actor AS Actor, kind AS Kind, subject AS Subject, data_json AS DataJson,
                   prev_hash AS PrevHash, hash AS Hash
            FROM audit_events WHERE {string.Join(" AND ", where)} ORDER BY seq
            """, filter, unit.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    /// <summary>Events of the given kinds after <paramref name="afterSeq"/>, in chain order (memory learning's increments, issue 12).</summary>
    public static async Task<IReadOnlyList<AuditEvent>> ReadAfterAsync(
        DataUnit unit, long afterSeq, IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        var rows = await unit.Connection.QueryAsync<AuditEventRow>(new CommandDefinition(
            $"""
            SELECT seq AS Seq, at AS At, actor AS Actor, kind AS Kind, subject AS Subject, data_json AS DataJson,
                   prev_hash AS PrevHash, hash AS Hash
            FROM audit_events WHERE seq > @afterSeq AND {unit.InList("kind", "@kinds")} ORDER BY seq
            """, new { afterSeq, kinds = kinds.ToArray() }, unit.Transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    /// <summary>An event as read; shared with <see cref="AuditPages"/> (issue 17).</summary>
    internal sealed class AuditEventRow
    {
        public long Seq { get; init; }
        public string At { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Subject { get; init; } = "";
        public string DataJson { get; init; } = "{}";
        public string PrevHash { get; init; } = "";
        public string Hash { get; init; } = "";

        public AuditEvent ToEvent() => new(Seq, At, Actor, Kind, Subject, DataJson, PrevHash, Hash);
    }
}
