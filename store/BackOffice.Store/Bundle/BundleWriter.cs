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
        var entityColumns = ChangedEntities.Columns(spec).Select(spec.IndexOf).ToArray();
        var keyIndex = spec.IndexOf(spec.Key);
        var existing = stored.Keys(spec);
        // Issue 18: one prepared statement per table and kind, run for every row (not a command built per row).
        await using var insert = BundleRowCommand.Insert(spec, connection, transaction);
        await using var update = BundleRowCommand.Update(spec, connection, transaction);
        var hasher = new RowHasher(spec);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var row in table.Rows)
        {
            var key = (string)row.Values[keyIndex]!;
            var hash = hasher.Hash(row);
            existing.TryGetValue(key, out var before);
            if (before?.Hash == hash)
            {
                unchanged++;
                continue;
            }

            // Issue 18: an update journals the columns it changes, so an agent that reads none of them skips it.
            string? changedColumns = null;
            if (before is not null)
            {
                var diff = await ChangedEntities.UpdateAsync(spec, key, row.Values, connection, transaction, cancellationToken);
                touched.UnionWith(diff.Before);
                changedColumns = diff.Columns;
            }

            touched.UnionWith(ChangedEntities.Of(spec, Array.ConvertAll(entityColumns, i => row.Values[i]), changedColumns));
            await (before is null ? insert : update).RunAsync(row, hash, key, cancellationToken);
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
