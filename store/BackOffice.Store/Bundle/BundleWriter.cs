using System.Data.Common;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Applies validated tables inside the caller's transaction by diffing row hashes: inserts new keys, updates changed
/// rows, deletes owned rows a present file no longer lists (children first), and leaves unchanged rows untouched.
/// Every row it adds, changes or deletes adds its entities, before and after, to <c>touched</c> (issue 18: the change journal).
/// </summary>
public static class BundleWriter
{
    public static async Task<IReadOnlyList<FileImportCounts>> WriteAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, StoredState stored, DbConnection connection, DbTransaction transaction,
        IProgress<ImportProgress>? progress, bool merge, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        // Parents and children are written in whatever order the diff needs; foreign keys are checked at commit (the
        // PostgreSQL schema declares them deferred, issue 18).
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "PRAGMA defer_foreign_keys = ON", transaction: transaction, cancellationToken: cancellationToken));
        }

        var present = BundleSchema.Files.Where(f => tables.ContainsKey(f.Path)).ToList();
        var removed = new Dictionary<string, int>();
        foreach (var spec in Enumerable.Reverse(present))
        {
            // Issue 14: a merge keeps what the files leave out, except the lines of a document they carry (BundleLineReplacement).
            removed[spec.Path] = merge
                ? await BundleLineReplacement.DeleteReplacedAsync(tables[spec.Path], connection, transaction, touched, cancellationToken)
                : await DeleteMissingAsync(tables[spec.Path], stored, connection, transaction, touched, cancellationToken);
        }

        var counts = new List<FileImportCounts>();
        foreach (var spec in present)
        {
            progress?.Report(new ImportProgress(ImportPhase.Writing, spec.Path, tables[spec.Path].Rows.Count));
            var (added, changed, unchanged) = await UpsertAsync(tables[spec.Path], stored, connection, transaction, touched, cancellationToken);
            counts.Add(new FileImportCounts(spec.Path, added, changed, removed[spec.Path], unchanged));
        }

        return counts;
    }

    private static async Task<int> DeleteMissingAsync(
        ParsedTable table, StoredState stored, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched,
        CancellationToken cancellationToken)
    {
        var spec = table.Spec;
        var missing = stored.Owned(spec).Where(k => !table.ByKey.ContainsKey(k.Key)).Select(k => k.Key).ToList();
        foreach (var key in missing)
        {
            await DeleteRowAsync(spec, key, connection, transaction, touched, cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>Deletes one stored row, its entities journaled first (issue 18); also for a merge's replaced lines (issue 14).</summary>
    internal static async Task DeleteRowAsync(
        FileSpec spec, string key, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        touched.UnionWith(await ChangedEntities.StoredAsync(spec, spec.Key, key, connection, transaction, cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {spec.Table} WHERE {spec.Key} = @key", new { key }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<(int Added, int Changed, int Unchanged)> UpsertAsync(
        ParsedTable table, StoredState stored, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched,
        CancellationToken cancellationToken)
    {
        var spec = table.Spec;
        var entityColumns = ChangedEntities.Columns(spec).Select(spec.IndexOf).ToList();
        var existing = stored.Keys(spec);
        var columns = spec.Columns.Select(c => c.SqlName).Append("row_hash").ToList();
        var insert = $"INSERT INTO {spec.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var updateSql = $"UPDATE {spec.Table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i}"))} WHERE {spec.Key} = @key";
        int added = 0, changed = 0, unchanged = 0;
        foreach (var row in table.Rows)
        {
            var key = (string)table.Value(row, spec.Key)!;
            var hash = row.Hash(spec);
            if (existing.TryGetValue(key, out var before) && before.Hash == hash)
            {
                unchanged++;
                continue;
            }

            var parameters = new DynamicParameters();
            for (var i = 0; i < spec.Columns.Count; i++)
            {
                parameters.Add("p" + i, row.Values[i]);
            }

            // Issue 18: an update journals the columns it changes, so an agent that reads none of them skips it.
            string? changedColumns = null;
            if (before is not null)
            {
                var update = await ChangedEntities.UpdateAsync(spec, key, row.Values, connection, transaction, cancellationToken);
                touched.UnionWith(update.Before);
                changedColumns = update.Columns;
            }

            touched.UnionWith(ChangedEntities.Of(spec, entityColumns.Select(i => row.Values[i]).ToList(), changedColumns));
            parameters.Add("p" + spec.Columns.Count, hash);
            parameters.Add("key", key);
            await connection.ExecuteAsync(new CommandDefinition(
                before is null ? insert : updateSql, parameters, transaction, cancellationToken: cancellationToken));
            if (before is null)
            {
                added++;
            }
            else
            {
                changed++;
            }
        }

        return (added, changed, unchanged);
    }
}
