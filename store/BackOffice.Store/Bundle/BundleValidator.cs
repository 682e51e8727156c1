using System.Data.Common;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Checks that hold across rows and files: every reference resolves (in this bundle, or in stored rows when the target
/// file is absent), no stored row is left pointing at a row this bundle removes, and the business rules in
/// <see cref="BundleRules"/>.
/// </summary>
public static class BundleValidator
{
    public static async Task ValidateAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, StoredState stored, DbConnection connection, DbTransaction transaction,
        ErrorSink errors, bool merge, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Values)
        {
            CheckReferences(table, tables, stored, errors, merge);
            CheckSandboxCollisions(table, stored, errors);
        }

        if (!merge)
        {
            // A merge removes nothing, so no stored row can be orphaned (issue 14).
            await CheckOrphansAsync(tables, stored, connection, transaction, errors, cancellationToken);
        }

        await BundleRules.CheckAsync(tables, connection, transaction, errors, cancellationToken);
    }

    /// <param name="merge">A merge keeps every stored row, so a stored id is a good target even when its file is present (issue 14).</param>
    private static void CheckReferences(
        ParsedTable table, IReadOnlyDictionary<string, ParsedTable> tables, StoredState stored, ErrorSink errors, bool merge)
    {
        var spec = table.Spec;
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < spec.Columns.Count; i++)
            {
                var column = spec.Columns[i];
                if (column.Reference is null || row.Values[i] is not string value)
                {
                    continue;
                }

                var target = column.Reference.TargetFor(name => table.Value(row, name));
                if (target is null)
                {
                    continue;
                }

                if (tables.TryGetValue(target, out var targetTable))
                {
                    if (!targetTable.ByKey.ContainsKey(value) && !(merge && stored.Keys(BundleSchema.File(target)).ContainsKey(value)))
                    {
                        errors.Add(spec.Path, row.Line, column.CsvName, $"unknown reference '{value}': expected an id in {target}");
                    }
                }
                else if (!stored.Keys(BundleSchema.File(target)).ContainsKey(value))
                {
                    errors.Add(spec.Path, row.Line, column.CsvName,
                        $"unknown reference '{value}': expected an id in {target} (absent from this bundle, and not already stored)");
                }
            }
        }
    }

    /// <summary>An id the sandbox ledger already gave to a record of its own cannot be reused by the bundle.</summary>
    private static void CheckSandboxCollisions(ParsedTable table, StoredState stored, ErrorSink errors)
    {
        if (table.Spec.Scope is null)
        {
            return;
        }

        var keys = stored.Keys(table.Spec);
        foreach (var row in table.Rows)
        {
            var key = (string)table.Value(row, table.Spec.Key)!;
            if (keys.TryGetValue(key, out var existing) && existing.Owned == 0)
            {
                errors.Add(table.Spec.Path, row.Line, table.Spec.Column(table.Spec.Key)!.CsvName,
                    $"id '{key}' already belongs to a record the bundle does not own (made by the sandbox ledger, or synced from Procore or QuickBooks); use another id");
            }
        }
    }

    /// <summary>
    /// A present file removes the stored rows it no longer lists; a stored row that survives the import (its file is
    /// absent, or the sandbox owns it) must not keep pointing at one of them.
    /// </summary>
    private static async Task CheckOrphansAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, StoredState stored, DbConnection connection, DbTransaction transaction,
        ErrorSink errors, CancellationToken cancellationToken)
    {
        foreach (var parent in tables.Values)
        {
            var removed = stored.Owned(parent.Spec).Select(k => k.Key).Where(k => !parent.ByKey.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
            if (removed.Count == 0)
            {
                continue;
            }

            foreach (var child in BundleSchema.Files)
            {
                var childPresent = tables.ContainsKey(child.Path);
                if (childPresent && child.Scope is null)
                {
                    continue;
                }

                foreach (var column in child.Columns.Where(c => c.Reference?.TargetFile == parent.Spec.Path))
                {
                    var survivors = await StoredState.SurvivingReferencesAsync(connection, transaction, child, column, childPresent, cancellationToken);
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
}
