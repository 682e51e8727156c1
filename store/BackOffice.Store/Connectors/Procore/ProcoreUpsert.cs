using System.Data.Common;
using BackOffice.Store.Tenancy;
using System.Runtime.CompilerServices;
using BackOffice.Store.Bundle;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Writes one mapped row into a canonical project table (issue 14). A row another origin owns (a person's bundle or
/// export import) is never touched; a row whose digest is what we hold is unchanged and not written.
/// </summary>
internal static class ProcoreUpsert
{
    /// <summary>
    /// Issue 18: the entities each batch's written rows touched (before and after), kept per transaction so the row
    /// mappers keep their signatures; <see cref="ProcoreSyncStore"/> journals them in the batch's transaction.
    /// </summary>
    private static readonly ConditionalWeakTable<DbTransaction, HashSet<ChangedEntity>> Touched = new();

    /// <summary>Notes an entity written in <paramref name="t"/> outside <see cref="RowAsync"/> (the job a prime contract updates).</summary>
    public static void Touch(DbTransaction t, ChangedEntity entity) => Touched.GetOrCreateValue(t).Add(entity);

    /// <summary>What <paramref name="t"/> touched so far, forgotten once taken.</summary>
    public static IReadOnlyCollection<ChangedEntity> TakeTouched(DbTransaction t)
    {
        var touched = Touched.TryGetValue(t, out var set) ? set.ToList() : [];
        Touched.Remove(t);
        return touched;
    }

    public static async Task<SyncOutcome> RowAsync(
        DbConnection c, DbTransaction t, string table, string key, IReadOnlyDictionary<string, object?> row, CancellationToken ct)
    {
        var held = await c.QuerySingleOrDefaultAsync<(string? Hash, string? Origin)>(new CommandDefinition(
            $"SELECT row_hash, origin FROM {table} WHERE {key} = @key", new { key = row[key] }, t, cancellationToken: ct));
        if (held.Origin is not null && (held.Origin != "procore" || held.Hash == (string?)row["row_hash"]))
        {
            return SyncOutcome.Unchanged;
        }

        Touched.GetOrCreateValue(t).UnionWith(await TouchedByAsync(c, t, table, key, row, held.Origin is not null, ct));
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

    /// <summary>
    /// The entities a written row touched, before and after. Issue 14's detail tables (change-order package lines,
    /// G703 lines, direct costs) are outside the bundle's schema: they are journaled as themselves, plus their job
    /// where the row names one, so an incremental sweep (issue 18) still sees that something it reads changed.
    /// </summary>
    private static async Task<IReadOnlyList<ChangedEntity>> TouchedByAsync(
        DbConnection c, DbTransaction t, string table, string key, IReadOnlyDictionary<string, object?> row, bool held, CancellationToken ct)
    {
        if (BundleSchema.Files.SingleOrDefault(f => f.Table == table) is not { } spec)
        {
            var own = new List<ChangedEntity> { new(table, (string)row[key]!, table) };
            if (row.TryGetValue("job_id", out var job) && job is string jobId)
            {
                own.Add(new ChangedEntity("job", jobId, table));
            }

            return own;
        }

        var before = held ? await ChangedEntities.StoredAsync(spec, key, (string)row[key]!, c, t, ct) : [];
        var after = ChangedEntities.Of(spec, ChangedEntities.Columns(spec).Select(n => row.TryGetValue(n, out var v) ? v : null).ToList());
        return [.. before, .. after];
    }
}
