using System.Data.Common;

namespace BackOffice.Store.Bundle;

/// <summary>
/// One INSERT or UPDATE of a bundle table, built and prepared once and run for every row with new values (issue 18:
/// the import sent a new Dapper command per row, which SQLite compiled again each time; 2M bill lines spent most of
/// the import there). Values are those of <see cref="ParsedRow.Values"/> (string, long or null), then the row hash,
/// then for an update the key. SQLite only: the statement runs through SQLitePCLRaw (<see cref="SqliteBundleRowCommand"/>)
/// inside the import's open transaction; PostgreSQL stages rows by COPY instead (<see cref="PostgresRowStage"/>).
/// </summary>
internal abstract class BundleRowCommand : IAsyncDisposable
{
    public static BundleRowCommand Insert(FileSpec spec, DbConnection connection, DbTransaction transaction)
    {
        var columns = Columns(spec);
        var sql = $"INSERT INTO {spec.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        return Create(sql, spec, connection);
    }

    public static BundleRowCommand Update(FileSpec spec, DbConnection connection, DbTransaction transaction)
    {
        var columns = Columns(spec);
        var sql = $"UPDATE {spec.Table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i}"))} WHERE {spec.Key} = @p{columns.Count}";
        return Create(sql, spec, connection, withKey: true);
    }

    /// <summary>Writes one row: its values, its hash and (for an update) its key.</summary>
    public abstract ValueTask RunAsync(ParsedRow row, RowHash hash, string key, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private static List<string> Columns(FileSpec spec) => [.. spec.Columns.Select(c => c.SqlName), "row_hash"];

    // PostgreSQL writes through PostgresRowStage (binary COPY), so a row statement is SQLite's alone.
    private static BundleRowCommand Create(string sql, FileSpec spec, DbConnection connection, bool withKey = false) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? new SqliteBundleRowCommand(Sqlite.SqliteRawStatement.Prepare(sqlite, sql), spec.Columns.Count, withKey)
            : throw new NotSupportedException($"Bundle rows are written by statement on SQLite only, not {connection.GetType().Name}.");

    /// <summary>The kinds <see cref="ValueParsers"/> stores as a long; the others are text.</summary>
    internal static bool IsInteger(ValueKind kind) =>
        kind is ValueKind.Money or ValueKind.Percent or ValueKind.E4 or ValueKind.Integer or ValueKind.Bool;
}
