using System.Data.Common;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Writes one mapped row into a canonical project table (issue 14). A row another origin owns (a person's bundle or
/// export import) is never touched; a row whose digest is what we hold is unchanged and not written.
/// </summary>
internal static class ProcoreUpsert
{
    public static async Task<SyncOutcome> RowAsync(
        DbConnection c, DbTransaction t, string table, string key, IReadOnlyDictionary<string, object?> row, CancellationToken ct)
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
                  $"ON CONFLICT ({StoreSql.ConflictOn(c, key)}) DO UPDATE SET {string.Join(", ", columns.Where(n => n != key).Select(n => $"{n} = excluded.{n}"))} WHERE {table}.origin = 'procore'";
        await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: ct));
        return held.Origin is null ? SyncOutcome.Added : SyncOutcome.Changed;
    }
}
