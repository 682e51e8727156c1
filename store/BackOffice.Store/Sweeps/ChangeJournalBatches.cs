using Npgsql;
using NpgsqlTypes;

namespace BackOffice.Store.Sweeps;

/// <summary>
/// The change journal's writer on PostgreSQL (issue 18): a fresh import journals about a million entities, and one
/// INSERT per entity is one round trip each. Entities go as four arrays per statement, unnested in their order, so
/// their sequence numbers follow the order the caller sorted them in, as row by row. COPY cannot write into the
/// journal (row-level security refuses COPY FROM); an INSERT ... SELECT is bound by the tenant_rows policy as any.
/// </summary>
internal static class ChangeJournalBatches
{
    /// <summary>Rows per statement: large enough that round trips vanish, small enough to keep the arrays a few MB.</summary>
    internal const int BatchRows = 20_000;

    private const string Sql = """
        INSERT INTO change_journal (kind, entity_key, source_table, source_columns, source, recorded_at)
        SELECT kind, entity_key, source_table, source_columns, @source, @recordedAt
        FROM unnest(@kinds, @keys, @tables, @columns) WITH ORDINALITY AS e(kind, entity_key, source_table, source_columns, n)
        ORDER BY n
        """;

    public static async Task InsertAsync(
        IEnumerable<ChangedEntity> rows, string source, string recordedAt, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(BatchRows))
        {
            await using var insert = new NpgsqlCommand(Sql, connection, transaction);
            insert.Parameters.AddWithValue("source", source);
            insert.Parameters.AddWithValue("recordedAt", recordedAt);
            insert.Parameters.Add(Texts("kinds", batch.Select(e => e.Kind)));
            insert.Parameters.Add(Texts("keys", batch.Select(e => e.Key)));
            insert.Parameters.Add(Texts("tables", batch.Select(e => e.Table)));
            insert.Parameters.Add(Texts("columns", batch.Select(e => e.Columns)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
