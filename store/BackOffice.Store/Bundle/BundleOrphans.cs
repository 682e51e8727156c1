using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// A present file removes the stored rows it no longer lists; a stored row that survives the import (its file is
/// absent, or the sandbox owns it) must not keep pointing at one of them.
/// </summary>
internal static class BundleOrphans
{
    public static async Task CheckAsync(
        IReadOnlyDictionary<string, TableCheck> checks, DbConnection connection, DbTransaction transaction, ErrorSink errors,
        CancellationToken cancellationToken)
    {
        foreach (var parent in checks.Values)
        {
            var removed = parent.Removed.ToHashSet(StringComparer.Ordinal);
            if (removed.Count == 0)
            {
                continue;
            }

            foreach (var child in BundleSchema.Files)
            {
                var childPresent = checks.ContainsKey(child.Path);
                if (childPresent && child.Scope is null)
                {
                    continue;
                }

                foreach (var column in child.Columns.Where(c => c.Reference?.TargetFile == parent.Spec.Path))
                {
                    var survivors = await SurvivingReferencesAsync(connection, transaction, child, column, childPresent, cancellationToken);
                    foreach (var (key, target) in survivors.Where(s => removed.Contains(s.Target)))
                    {
                        errors.Add(child.Path, null, column.CsvName,
                            $"stored row '{key}' refers to '{target}', which {parent.Spec.Path} no longer lists; " +
                            $"keep '{target}' in {parent.Spec.Path} or include {child.Path} without row '{key}'");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Stored rows of <paramref name="child"/> that reference a value through <paramref name="column"/> and survive this
    /// import: all of them when the child file is absent, only rows the bundle does not own when it is present.
    /// </summary>
    private static async Task<IReadOnlyList<(string Key, string Target)>> SurvivingReferencesAsync(
        DbConnection connection, DbTransaction transaction, FileSpec child, ColumnSpec column, bool childPresent,
        CancellationToken cancellationToken)
    {
        // Issue 18: "1 = 1", not "1": PostgreSQL wants a boolean after AND (BundleImporterTests on both engines found it).
        var condition = childPresent ? $"NOT ({child.Scope ?? "1 = 1"})" : "1 = 1";
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            $"SELECT {child.Key}, {column.SqlName} FROM {child.Table} WHERE {column.SqlName} IS NOT NULL AND {condition}",
            transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
