using System.Data;
using System.Data.Common;

namespace BackOffice.Store.Bundle;

/// <summary>
/// One INSERT or UPDATE of a bundle table, built and prepared once and run for every row with new values (issue 18:
/// the import sent a new Dapper command per row, which SQLite compiled again each time; 2M bill lines spent most of
/// the import there). Plain ADO.NET, so the same statement runs on SQLite and on PostgreSQL (Npgsql prepares it
/// server-side). Values are those of <see cref="ParsedRow.Values"/> (string, long or null), then the row hash, then
/// for an update the key.
/// </summary>
internal sealed class BundleRowCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private bool _prepared;

    private BundleRowCommand(DbCommand command, DbParameter[] parameters)
    {
        _command = command;
        _parameters = parameters;
    }

    public static BundleRowCommand Insert(FileSpec spec, DbConnection connection, DbTransaction transaction)
    {
        var columns = Columns(spec);
        var sql = $"INSERT INTO {spec.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        return Create(sql, spec, connection, transaction);
    }

    public static BundleRowCommand Update(FileSpec spec, DbConnection connection, DbTransaction transaction)
    {
        var columns = Columns(spec);
        var sql = $"UPDATE {spec.Table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i}"))} WHERE {spec.Key} = @p{columns.Count}";
        return Create(sql, spec, connection, transaction, withKey: true);
    }

    /// <summary>Writes one row: its values, its hash and (for an update) its key.</summary>
    public async Task RunAsync(ParsedRow row, string hash, string key, CancellationToken cancellationToken)
    {
        var values = row.Values;
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _parameters[values.Length].Value = hash;
        if (_parameters.Length > values.Length + 1)
        {
            _parameters[values.Length + 1].Value = key;
        }

        if (!_prepared)
        {
            await _command.PrepareAsync(cancellationToken);
            _prepared = true;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static List<string> Columns(FileSpec spec) => [.. spec.Columns.Select(c => c.SqlName), "row_hash"];

    private static BundleRowCommand Create(string sql, FileSpec spec, DbConnection connection, DbTransaction transaction, bool withKey = false)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Identifiers come from the fixed schema, never from the bundle; only values are parameters.
        command.CommandText = sql;
        // Each parameter's type is fixed by its column, so a null in one row does not change the prepared statement's
        // types on PostgreSQL; the row hash and the key are text.
        var types = spec.Columns.Select(c => IsInteger(c.Kind) ? DbType.Int64 : DbType.String).Append(DbType.String);
        var parameters = (withKey ? types.Append(DbType.String) : types).Select((type, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        return new BundleRowCommand(command, parameters);
    }

    /// <summary>The kinds <see cref="ValueParsers"/> stores as a long; the others are text.</summary>
    internal static bool IsInteger(ValueKind kind) =>
        kind is ValueKind.Money or ValueKind.Percent or ValueKind.E4 or ValueKind.Integer or ValueKind.Bool;
}
