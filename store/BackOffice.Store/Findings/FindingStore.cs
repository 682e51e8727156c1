using System.Globalization;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;
using BackOffice.Store.Worklists;

namespace BackOffice.Store.Findings;

/// <summary>A finding as stored; figures are kept as the JSON the agent produced.</summary>
public sealed record StoredFinding(
    string Id, string Agent, string Check, string Severity, string Title, string FiguresJson, string Narrative,
    string FirstSeenAt, string LastSeenAt, string? ResolvedAt);

/// <summary>
/// Keeps findings by key: a re-sweep refreshes the ones it sees again and resolves the ones it no longer sees,
/// so the worklist is what is wrong now, not a pile of every sweep's output.
/// </summary>
public sealed class FindingStore(TimeProvider clock)
{
    public sealed record Upsert(string Key, string Agent, string Check, string Severity, string Title, string FiguresJson, string Narrative);

    /// <summary>Records this sweep's findings for <paramref name="agent"/> in the caller's transaction; returns how many were new.</summary>
    public async Task<int> ReplaceForAgentAsync(
        DataUnit unit, string agent, IReadOnlyList<Upsert> findings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        // One read of what is open now, instead of a look-up per finding (a collections sweep can bring thousands).
        var open = (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT key FROM findings WHERE agent = @agent AND resolved_at IS NULL", new { agent }, unit.Transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var created = findings.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count(k => !open.Contains(k));
        if (unit.Connection is Npgsql.NpgsqlConnection npgsql)
        {
            // Issue 18: on PostgreSQL one statement for the agent's findings, not a round trip per finding.
            await FindingBatches.UpsertAsync(npgsql, findings, now, OnConflict(unit.Connection), cancellationToken);
        }
        else
        {
            foreach (var f in findings)
            {
                await UpsertAsync(unit, f, now, cancellationToken);
            }
        }

        var keys = findings.Select(f => f.Key).ToArray();
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE findings SET resolved_at = @now WHERE agent = @agent AND resolved_at IS NULL AND NOT {StoreSql.InJson(unit.Connection, "key", "@keys")}",
            new { now, agent, keys = System.Text.Json.JsonSerializer.Serialize(keys) }, unit.Transaction, cancellationToken: cancellationToken));
        return created;
    }

    /// <summary>Opens (or refreshes) one finding outside a sweep, in the caller's unit (issue 14: a failed scheduled sync).</summary>
    public Task OpenAsync(DataUnit unit, Upsert finding, CancellationToken cancellationToken) =>
        UpsertAsync(unit, finding, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Resolves one open finding by key, in the caller's unit; nothing happens when it is not open.</summary>
    public async Task ResolveAsync(DataUnit unit, string key, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE findings SET resolved_at = @now WHERE key = @key AND resolved_at IS NULL",
            new { key, now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, unit.Transaction, cancellationToken: cancellationToken));

    private static async Task UpsertAsync(DataUnit unit, Upsert f, string now, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO findings (key, agent, check_name, severity, title, figures_json, narrative, first_seen_at, last_seen_at, resolved_at)
            VALUES (@Key, @Agent, @Check, @Severity, @Title, @FiguresJson, @Narrative, @now, @now, NULL)
            {OnConflict(unit.Connection)}
            """,
            new { f.Key, f.Agent, f.Check, f.Severity, f.Title, f.FiguresJson, f.Narrative, now }, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>A finding seen again is refreshed and reopened; it keeps its first sighting only while it stayed open.</summary>
    private static string OnConflict(System.Data.Common.DbConnection connection) => $"""
        ON CONFLICT ({StoreSql.ConflictOn(connection, "key")}) DO UPDATE SET severity = excluded.severity, title = excluded.title, figures_json = excluded.figures_json,
            narrative = excluded.narrative, last_seen_at = excluded.last_seen_at, resolved_at = NULL,
            first_seen_at = CASE WHEN findings.resolved_at IS NULL THEN findings.first_seen_at ELSE excluded.first_seen_at END
        """;

    public static async Task<IReadOnlyList<StoredFinding>> ListOpenAsync(TenantData tenant, string? agent, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM findings WHERE resolved_at IS NULL AND (@agent IS NULL OR agent = @agent)
            ORDER BY CASE severity WHEN 'Critical' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END, key
            """, new { agent }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFinding()).ToList();
    }

    /// <summary>
    /// Issue 17: the open findings as the console lists them, filtered, sorted and paged in SQL (severity first, as
    /// <see cref="ListOpenAsync"/> orders them; migration 1993's index), instead of every open finding per request.
    /// </summary>
    public static readonly ListShape OpenList = new(
        "open findings", "findings", "resolved_at IS NULL", "key", NumericId: false,
        new Dictionary<string, KeysetSort>(StringComparer.Ordinal)
        {
            ["severity"] = new("CASE severity WHEN 'Critical' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END", Numeric: true),
            ["agent"] = new("agent"), ["title"] = new("title"), ["narrative"] = new("narrative"), ["lastSeenAt"] = new("last_seen_at"),
        },
        "severity", DefaultDescending: false,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["severity"] = "severity", ["agent"] = "agent" },
        ["title", "narrative", "agent", "severity"], Named: ["title", "narrative"]);

    public static async Task<ListPageOf<StoredFinding>> PageOpenAsync(TenantData tenant, ListPageQuery query, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var page = await SqlList.ReadAsync<FindingRow>(unit, OpenList, Columns, query, cancellationToken);
        return new ListPageOf<StoredFinding>(page.Rows.Select(r => r.ToFinding()).ToList(), page.Count, page.Next);
    }

    /// <summary>The agents or severities open findings have, for the list's choice of them.</summary>
    public static async Task<IReadOnlyList<string>> OpenChoicesAsync(TenantData tenant, string column, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        return await SqlList.ChoicesAsync(unit, OpenList, column, 21, cancellationToken);
    }

    private const string Columns = """
        key AS Key, agent AS Agent, check_name AS CheckName, severity AS Severity, title AS Title, figures_json AS FiguresJson,
        narrative AS Narrative, first_seen_at AS FirstSeenAt, last_seen_at AS LastSeenAt, resolved_at AS ResolvedAt
        """;

    private sealed class FindingRow
    {
        public string Key { get; init; } = "";
        public string Agent { get; init; } = "";
        public string CheckName { get; init; } = "";
        public string Severity { get; init; } = "";
        public string Title { get; init; } = "";
        public string FiguresJson { get; init; } = "";
        public string Narrative { get; init; } = "";
        public string FirstSeenAt { get; init; } = "";
        public string LastSeenAt { get; init; } = "";
        public string? ResolvedAt { get; init; }

        public StoredFinding ToFinding() => new(Key, Agent, CheckName, Severity, Title, FiguresJson, Narrative, FirstSeenAt, LastSeenAt, ResolvedAt);
    }
}
