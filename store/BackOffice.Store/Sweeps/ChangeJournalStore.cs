using Dapper;
using System.Data.Common;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sweeps;

/// <summary>A journal row: the sequence, what was touched, by which write, and the table written (null: not known; issue 18).</summary>
public sealed record JournalEntry(long Seq, string Kind, string Key, string Source, string? Table);

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
        var rows = entities.Distinct().OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ThenBy(e => e.Table, StringComparer.Ordinal).ThenBy(e => e.Columns, StringComparer.Ordinal);
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            await ChangeJournalBatches.InsertAsync(rows, source, recordedAt, npgsql, (Npgsql.NpgsqlTransaction)transaction, cancellationToken);
            return;
        }

        // Issue 18: one prepared statement for every row (a fresh import journals about a million), not an object per row.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO change_journal (kind, entity_key, source_table, source_columns, source, recorded_at)
            VALUES (@kind, @key, @table, @columns, @source, @recordedAt)
            """;
        var parameters = new[] { "kind", "key", "table", "columns", "source", "recordedAt" }.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = System.Data.DbType.String;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[4].Value = source;
        parameters[5].Value = recordedAt;
        var prepared = false;
        foreach (var entity in rows)
        {
            parameters[0].Value = entity.Kind;
            parameters[1].Value = entity.Key;
            parameters[2].Value = (object?)entity.Table ?? DBNull.Value;
            parameters[3].Value = (object?)entity.Columns ?? DBNull.Value;
            if (!prepared)
            {
                await insert.PrepareAsync(cancellationToken);
                prepared = true;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
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
        var rows = await connection.QueryAsync<(long Seq, string Kind, string Key, string Source, string? Table)>(new CommandDefinition(
            "SELECT seq, kind, entity_key, source, source_table FROM change_journal WHERE seq > @seq ORDER BY seq", new { seq },
            cancellationToken: cancellationToken));
        return rows.Select(r => new JournalEntry(r.Seq, r.Kind, r.Key, r.Source, r.Table)).ToList();
    }
}
