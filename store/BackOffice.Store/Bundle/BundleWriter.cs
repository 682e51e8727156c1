using System.Data.Common;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Applies checked files inside the caller's transaction: deletes owned rows a present file no longer lists (children
/// first), then writes only the rows its check marked new or changed (issue 18: kept from the check when they are few,
/// else read from the file again, an unchanged row skipped before its values are parsed; a file with nothing to write is
/// not read again). Every row it adds,
/// changes or deletes adds its entities, before and after, to <c>touched</c> (issue 18: the change journal).
/// </summary>
internal static class BundleWriter
{
    public static async Task<IReadOnlyList<FileImportCounts>> WriteAsync(
        IReadOnlyCollection<TableCheck> checks, DbConnection connection, DbTransaction transaction,
        IProgress<ImportProgress>? progress, bool merge, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        var byPath = checks.ToDictionary(c => c.Spec.Path, StringComparer.Ordinal);
        var present = BundleSchema.Files.Where(f => byPath.ContainsKey(f.Path)).Select(f => byPath[f.Path]).ToList();
        var removed = new Dictionary<string, int>();
        foreach (var check in Enumerable.Reverse(present))
        {
            // Issue 14: a merge keeps what the files leave out, except the lines of a document they carry (BundleLineReplacement).
            removed[check.Spec.Path] = merge
                ? await BundleLineReplacement.DeleteReplacedAsync(((TableRowSource)check.Source).Table, connection, transaction, touched, cancellationToken)
                : await DeleteMissingAsync(check, connection, transaction, touched, cancellationToken);
        }

        var counts = new List<FileImportCounts>();
        foreach (var check in present)
        {
            progress?.Report(new ImportProgress(ImportPhase.Writing, check.Spec.Path, check.Rows));
            if (check.Added + check.Changed > check.Written)
            {
                await UpsertAsync(check, connection, transaction, touched, cancellationToken);
            }

            counts.Add(new FileImportCounts(check.Spec.Path, check.Added, check.Changed, removed[check.Spec.Path], check.Unchanged));
        }

        return counts;
    }

    /// <summary>
    /// Parents and children are written in whatever order the diff needs (a fresh table's rows while they are checked,
    /// issue 18); foreign keys are checked at commit (the PostgreSQL schema declares them deferred).
    /// </summary>
    public static async Task DeferForeignKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "PRAGMA defer_foreign_keys = ON", transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task<int> DeleteMissingAsync(
        TableCheck check, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        foreach (var key in check.Removed)
        {
            await DeleteRowAsync(check.Spec, key, connection, transaction, touched, cancellationToken);
        }

        return check.Removed.Count;
    }

    /// <summary>Deletes one stored row, its entities journaled first (issue 18); also for a merge's replaced lines (issue 14).</summary>
    internal static async Task DeleteRowAsync(
        FileSpec spec, string key, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        touched.UnionWith(await ChangedEntities.StoredAsync(spec, spec.Key, key, connection, transaction, cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {spec.Table} WHERE {spec.Key} = @key", new { key }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task UpsertAsync(
        TableCheck check, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        var spec = check.Spec;
        var keyIndex = spec.IndexOf(spec.Key);
        // Issue 18: one prepared statement per table and kind on SQLite, one COPY per table on PostgreSQL (BundleRowSink).
        await using var sink = BundleRowSink.Open(spec, connection, transaction, touched);
        var hasher = new RowHasher(spec);
        var errors = new ErrorSink();
        var plan = check.Plan;
        var ordinal = -1;
        var written = 0;
        ThrowIfChanged(check, readBadly: false);
        var toWrite = check.Added + check.Changed - check.Written;
        // Issue 18: the rows kept from the check when they are all there; else the file is read again for them.
        var rows = check.Kept is { } kept && kept.Count == toWrite
            ? Kept(kept, o => ordinal = o)
            : check.Source.ReadAsync(errors, null, i => i < plan.Count && plan[ordinal = i] != TableCheck.Skip, cancellationToken);
        await foreach (var row in rows)
        {
            if (row.Invalid || errors.Errors.Count > 0)
            {
                ThrowIfChanged(check, readBadly: true);
            }

            await sink.WriteAsync(row, hasher.Of(row), (string)row.Values[keyIndex]!, plan[ordinal] == TableCheck.Update, cancellationToken);
            written++;
        }

        ThrowIfChanged(check, readBadly: errors.Errors.Count > 0 || written != toWrite);
        await sink.CompleteAsync(cancellationToken);
    }

    /// <summary>The kept rows in file order, each ordinal handed to <paramref name="at"/> before its row.</summary>
    private static async IAsyncEnumerable<ParsedRow> Kept(List<(int Ordinal, ParsedRow Row)> kept, Action<int> at)
    {
        await Task.CompletedTask;
        foreach (var (ordinal, row) in kept)
        {
            at(ordinal);
            yield return row;
        }
    }

    /// <summary>
    /// Issue 18: the file is read a second time to write (or its rows were kept from the check, and it must not have
    /// changed since either); if it is not what was checked (edited in between, a row that
    /// no longer parses, fewer rows), the import stops and its transaction rolls back, so nothing is half-written.
    /// </summary>
    private static void ThrowIfChanged(TableCheck check, bool readBadly)
    {
        var problem = check.Source.ChangedSinceChecked()
            ?? (readBadly ? "the file read differently the second time; nothing was written, import the bundle again" : null);
        if (problem is not null)
        {
            throw new BundleValidationException([new BundleError(check.Spec.Path, null, null, problem)]);
        }
    }
}
