using BackOffice.Store.Sweeps;
using Npgsql;
using NpgsqlTypes;

namespace BackOffice.Store.Bundle;

/// <summary>
/// The PostgreSQL import's writer of one table (issue 18): rows go by binary COPY into a temporary staging table, then
/// one UPDATE ... FROM and one INSERT ... SELECT apply them, inside the import's transaction. COPY cannot load the
/// tenant table itself (PostgreSQL refuses COPY FROM into a table with row-level security), but the staging table is
/// the application role's own, and the UPDATE and INSERT are bound by the tenant_rows policy like any statement: the
/// tenant set for the transaction fills tenant_id and is checked. The updated rows are read in one query before they
/// change, to journal their entities and changed columns as <see cref="ChangedEntities.UpdateAsync"/> does per row.
/// </summary>
internal sealed class PostgresRowStage(FileSpec spec, NpgsqlConnection connection, NpgsqlTransaction transaction, ISet<ChangedEntity> touched)
    : BundleRowSink(spec, touched)
{
    /// <summary>A name no tenant table has: a temporary table shadows a table of the same name in the search path.</summary>
    private const string Stage = "bundle_row_stage", UpdateFlag = "stage_update";

    private readonly string[] _columns = [.. spec.Columns.Select(c => c.SqlName), "row_hash"];
    private readonly NpgsqlDbType[] _types = [.. spec.Columns.Select(c => BundleRowCommand.IsInteger(c.Kind) ? NpgsqlDbType.Bigint : NpgsqlDbType.Text)];
    private NpgsqlBinaryImporter? _copy;
    private bool _updates;
    private bool _inserts;

    public override async Task WriteAsync(ParsedRow row, RowHash hash, string key, bool update, CancellationToken cancellationToken)
    {
        _copy ??= await StartAsync(cancellationToken);
        if (!update)
        {
            Touched.UnionWith(EntitiesOf(row.Values, null));
        }

        (_updates, _inserts) = (_updates || update, _inserts || !update);
        await _copy.StartRowAsync(cancellationToken);
        for (var i = 0; i < row.Values.Length; i++)
        {
            await (row.Values[i] switch
            {
                null => _copy.WriteNullAsync(cancellationToken),
                long number => _copy.WriteAsync(number, _types[i], cancellationToken),
                var text => _copy.WriteAsync((string)text, _types[i], cancellationToken),
            });
        }

        await _copy.WriteAsync(hash.ToHex(), NpgsqlDbType.Text, cancellationToken);
        await _copy.WriteAsync(update, NpgsqlDbType.Boolean, cancellationToken);
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;
        var columns = string.Join(", ", _columns);
        if (_updates)
        {
            await JournalUpdatesAsync(cancellationToken);
            await RunAsync($"UPDATE {Spec.Table} t SET {string.Join(", ", _columns.Select(c => $"{c} = s.{c}"))} FROM {Stage} s " +
                $"WHERE s.{UpdateFlag} AND t.{Spec.Key} = s.{Spec.Key}", cancellationToken);
        }

        if (_inserts)
        {
            // In key order, so the primary key's index takes the rows page after page rather than in the file's order.
            await RunAsync($"INSERT INTO {Spec.Table} ({columns}) SELECT {columns} FROM {Stage} WHERE NOT {UpdateFlag} ORDER BY {Spec.Key}", cancellationToken);
        }

        await RunAsync($"DROP TABLE {Stage}", cancellationToken);
        (_updates, _inserts) = (false, false);
    }

    /// <summary>Cancels a COPY still open (the caller's transaction then rolls back); a completed stage has nothing to free.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }
    }

    private async Task<NpgsqlBinaryImporter> StartAsync(CancellationToken cancellationToken)
    {
        // The staging table takes the tenant table's column types (and ON COMMIT DROP frees it even if CompleteAsync never runs).
        await RunAsync($"CREATE TEMPORARY TABLE {Stage} ON COMMIT DROP AS SELECT {string.Join(", ", _columns)}, false AS {UpdateFlag} " +
            $"FROM {Spec.Table} WITH NO DATA", cancellationToken);
        return await connection.BeginBinaryImportAsync(
            $"COPY {Stage} ({string.Join(", ", _columns)}, {UpdateFlag}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    /// <summary>Each staged update with the row it replaces (none when the row is gone), journaled before it changes.</summary>
    private async Task JournalUpdatesAsync(CancellationToken cancellationToken)
    {
        var count = Spec.Columns.Count;
        var select = string.Join(", ", Spec.Columns.Select(c => "t." + c.SqlName).Concat(Spec.Columns.Select(c => "s." + c.SqlName)));
        await using var command = new NpgsqlCommand(
            $"SELECT t.{Spec.Key} IS NOT NULL, {select} FROM {Stage} s LEFT JOIN {Spec.Table} t ON t.{Spec.Key} = s.{Spec.Key} WHERE s.{UpdateFlag}",
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[count * 2];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
            }

            var staged = values[count..];
            var diff = ChangedEntities.Diff(Spec, reader.GetBoolean(0) ? values[..count] : null, staged);
            Touched.UnionWith(diff.Before);
            Touched.UnionWith(EntitiesOf(staged, diff.Columns));
        }
    }

    private async Task RunAsync(string sql, CancellationToken cancellationToken)
    {
        // Identifiers come from the fixed schema, never from the bundle; the values went by COPY.
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
