using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Writes one mapped row into a canonical project table (issue 14). A row another origin owns (a person's bundle or
/// export import) is never touched; a row whose digest is what we hold is unchanged and not written.
/// </summary>
internal static class ProcoreUpsert
{
    public static async Task<SyncOutcome> RowAsync(
        SqliteConnection c, SqliteTransaction t, string table, string key, IReadOnlyDictionary<string, object?> row, CancellationToken ct)
    {
        var held = await c.QuerySingleOrDefaultAsync<(string? Hash, string? Origin)>(new CommandDefinition(
            $"SELECT row_hash, origin FROM {table} WHERE {key} = @key", new { key = row[key] }, t, cancellationToken: ct));
        if (held.Origin is not null && (held.Origin != "procore" || held.Hash == (string?)row["row_hash"]))
        {
            return SyncOutcome.Unchanged;
        }

        var columns = row.Keys.ToList();
        var parameters = new DynamicParameters();
        foreach (var (name, value) in row)
        {
            parameters.Add(name, value);
        }

        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}, origin) VALUES ({string.Join(", ", columns.Select(n => "@" + n))}, 'procore') " +
                  $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Where(n => n != key).Select(n => $"{n} = excluded.{n}"))} WHERE origin = 'procore'";
        await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: ct));
        return held.Origin is null ? SyncOutcome.Added : SyncOutcome.Changed;
    }
}
