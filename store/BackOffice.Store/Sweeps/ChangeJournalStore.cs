using Dapper;
using System.Data.Common;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sweeps;

/// <summary>
/// A journal row: the sequence, what was touched, by which write, and the table written (null: not known; issue 18); issue
/// 17: the columns an update changed (comma-separated; null when a row was added or deleted or not known: every column).
/// </summary>
public sealed record JournalEntry(long Seq, string Kind, string Key, string Source, string? Table, string? Columns = null);

/// <summary>What a journaled write touched: its table and the columns an update changed (null: not known, every one; issue 18).</summary>
public sealed record JournalWrite(string? Table, IReadOnlyList<string>? Columns);

/// <summary>The one reader and writer of change_journal (issue 18): which entities each write to the books touched.</summary>
public sealed class ChangeJournalStore(TenantData tenant)
{
    /// <summary>Records the entities inside the writer's transaction, so the journal commits with the change or not at all.</summary>
    internal static async Task RecordAsync(
        IEnumerable<ChangedEntity> entities, string source, string recordedAt, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        // Distinct entities, by kind, key, table and columns (ordinal, null first): one sort without a key array per field.
        var rows = entities.Distinct().ToList();
        rows.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Kind, b.Kind);
            order = order != 0 ? order : string.CompareOrdinal(a.Key, b.Key);
            order = order != 0 ? order : string.CompareOrdinal(a.Table, b.Table);
            return order != 0 ? order : string.CompareOrdinal(a.Columns, b.Columns);
        });
        // Issue 18: one prepared statement for every row (a fresh import journals about a million), not an object per row;
        // on SQLite through SQLitePCLRaw, which binds without a parameter object or reader per row.
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            RecordRaw(rows, source, recordedAt, sqlite, cancellationToken);
            return;
        }

        // On PostgreSQL as arrays, many entries per statement (a round trip per row made imports 8 times slower).
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            await ChangeJournalBatches.InsertAsync(rows, source, recordedAt, npgsql, (Npgsql.NpgsqlTransaction)transaction, cancellationToken);
            return;
        }

        throw new NotSupportedException($"The change journal has no writer for {connection.GetType().Name}.");
    }

    private const string InsertSql = """
        INSERT INTO change_journal (kind, entity_key, source_table, source_columns, source, recorded_at)
        VALUES (@kind, @key, @table, @columns, @source, @recordedAt)
        """;

    private static void RecordRaw(
        IEnumerable<ChangedEntity> rows, string source, string recordedAt, Microsoft.Data.Sqlite.SqliteConnection connection,
        CancellationToken cancellationToken)
    {
        using var insert = Sqlite.SqliteRawStatement.Prepare(connection, InsertSql);
        foreach (var entity in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.BindText(1, entity.Kind);
            insert.BindText(2, entity.Key);
            insert.BindValue(3, entity.Table);
            insert.BindValue(4, entity.Columns);
            insert.BindText(5, source);
            insert.BindText(6, recordedAt);
            insert.Run();
        }
    }

    /// <summary>The highest sequence recorded (0 when nothing was).</summary>
    public async Task<long> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) FROM change_journal", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The tables and changed columns written after <paramref name="seq"/> up to <paramref name="upTo"/>, once each;
    /// null stands for not known (issue 18: an agent skips a sweep only when it reads none of them).
    /// </summary>
    public async Task<IReadOnlyList<JournalWrite>> WritesBetweenAsync(long seq, long upTo, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<(string? Table, string? Columns)>(new CommandDefinition(
            "SELECT DISTINCT source_table, source_columns FROM change_journal WHERE seq > @seq AND seq <= @upTo", new { seq, upTo },
            cancellationToken: cancellationToken))).Select(w => new JournalWrite(w.Table, w.Columns?.Split(','))).ToList();
    }

    /// <summary>Entries after <paramref name="seq"/>, in order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> SinceAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(long Seq, string Kind, string Key, string Source, string? Table, string? Columns)>(new CommandDefinition(
            "SELECT seq, kind, entity_key, source, source_table, source_columns FROM change_journal WHERE seq > @seq ORDER BY seq", new { seq },
            cancellationToken: cancellationToken));
        return rows.Select(r => new JournalEntry(r.Seq, r.Kind, r.Key, r.Source, r.Table, r.Columns)).ToList();
    }
}
