using System.Data.Common;

namespace BackOffice.Store.Bundle;

/// <summary>
/// The first pass of an import (issue 18): streams each file's rows once, checks every field, id, reference and rule
/// on the row as it passes, and keeps only compact facts (keys, what to write by row ordinal, the rules' sums), so
/// memory follows the keys of the largest file, not every parsed row of every file. Reports what
/// <c>BundleValidator</c> reported, in the same order: field errors first (<see cref="ReadAsync"/>), then, per file,
/// references and sandbox collisions, then orphans, then the business rules (<see cref="ValidateAsync"/>).
/// </summary>
/// <remarks>
/// A table that holds no row yet (a first import) has nothing to diff or delete, so its rows are inserted as they
/// pass, while no error has been found: the file is not parsed a second time, and a later error rolls the whole
/// transaction back, so nothing is half-written.
/// </remarks>
internal sealed class BundleChecker(
    DbConnection connection, DbTransaction transaction, bool merge, ISet<Sweeps.ChangedEntity> touched, IProgress<ImportProgress>? progress,
    ImportProfile? profile = null)
{
    private readonly Dictionary<string, TableCheck> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyTable> _storedKeys = new(StringComparer.Ordinal);
    private readonly BundleRules _rules = new();

    /// <summary>Reference and sandbox errors found so far (while none is, new rows of a fresh table are written as they pass).</summary>
    private int _found;

    public IReadOnlyCollection<TableCheck> Checks => _checks.Values;

    /// <summary>Reads and checks every source in order; field and duplicate-id errors go to <paramref name="errors"/>.</summary>
    public async Task ReadAsync(
        IReadOnlyList<BundleRowSource> sources, ErrorSink errors, List<string> warnings, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            _checks[source.Spec.Path] = new TableCheck(source);
        }

        foreach (var check in _checks.Values)
        {
            if (await check.Source.IsReadableAsync(errors, cancellationToken))
            {
                await ReadFileAsync(check, errors, warnings, cancellationToken);
            }
        }
    }

    private async Task ReadFileAsync(TableCheck check, ErrorSink errors, List<string> warnings, CancellationToken cancellationToken)
    {
        var spec = check.Spec;
        await LoadTargetsAsync(spec, cancellationToken);
        var keys = await check.LoadStoredAsync(connection, transaction, cancellationToken);
        profile?.Mark(StoredKeysPhase);
        var keyIndex = spec.IndexOf(spec.Key);
        var hasher = new RowHasher(spec);
        var keyColumn = spec.Column(spec.Key)!.CsvName;
        await using var early = !merge && keys.Count == 0 ? BundleRowSink.Open(spec, connection, transaction, touched) : null;
        // Issue 18: a re-import takes unchanged rows off before they are parsed (UnchangedRowFilter).
        var unchanged = UnchangedRowFilter.Applies(spec, keys.Count) ? new UnchangedRowFilter(check, keys, KnownKeys, progress) : null;
        await foreach (var row in check.Source.ReadCheckingAsync(errors, warnings, unchanged, cancellationToken))
        {
            var ordinal = check.Plan.Count;
            check.Plan.Add(TableCheck.Skip);
            if (row.Values[keyIndex] is not string key)
            {
                continue;
            }

            ref var slot = ref keys.Slot(keys.Add(key, out _));
            if (slot.Listed)
            {
                errors.Add(spec.Path, row.Line, keyColumn, BundleCsvReader.Duplicate(spec, key, slot.Line));
                continue;
            }

            (slot.Listed, slot.Line) = (true, row.Line);
            if (!row.Invalid)
            {
                check.Plan[ordinal] = Judge(check, slot, hasher, row);
                CheckRow(check, ordinal, row, slot);
                if (early is not null && check.Plan[ordinal] == TableCheck.Insert && errors.Errors.Count == 0 && _found == 0 && _rules.Found == 0)
                {
                    await early.WriteAsync(row, hasher.Of(row), key, update: false, cancellationToken);
                    (check.Plan[ordinal], check.Written) = (TableCheck.Skip, check.Written + 1);
                }
                else if (early is null && check.Plan[ordinal] != TableCheck.Skip)
                {
                    check.Keep(ordinal, row);
                }

                if (check.Rows % 1000 == 0)
                {
                    progress?.Report(new ImportProgress(ImportPhase.Reading, spec.Path, check.Rows));
                }
            }
        }

        if (early is not null)
        {
            // Before the next file's reads: a PostgreSQL COPY holds the connection until it completes.
            await early.CompleteAsync(cancellationToken);
        }

        Finish(check, keys);
        profile?.Mark(RowsPhase);
        progress?.Report(new ImportProgress(ImportPhase.Reading, spec.Path, check.Rows));
    }

    /// <summary>Profile phases (BACKOFFICE_IMPORT_PROFILE=1), summed over the files.</summary>
    public const string StoredKeysPhase = "read stored keys and hashes", RowsPhase = "parse, check and insert into empty tables";

    /// <summary>Unchanged (same hash as stored), an update, or an insert; counted.</summary>
    private static byte Judge(TableCheck check, KeySlot slot, RowHasher hasher, ParsedRow row)
    {
        if (!slot.Stored)
        {
            check.Added++;
            return TableCheck.Insert;
        }

        if (check.StoredHash(slot) is { } stored && stored == hasher.Of(row, stored.IsSha256))
        {
            check.Unchanged++;
            return TableCheck.Skip;
        }

        check.Changed++;
        return TableCheck.Update;
    }

    private void CheckRow(TableCheck check, int ordinal, ParsedRow row, KeySlot slot)
    {
        var spec = check.Spec;
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var column = spec.Columns[i];
            if (column.Reference?.TargetFor(name => row.Values[spec.IndexOf(name)]) is not { } target || row.Values[i] is not string value)
            {
                continue;
            }

            if (_checks.TryGetValue(target, out var parent) && !parent.Done)
            {
                check.Deferred.Add((ordinal, i, row.Line, target, value));
            }
            else if (Unknown(target, value) is { } message)
            {
                check.ReferenceErrors.Add((ordinal, i, new BundleError(spec.Path, row.Line, column.CsvName, message)));
                _found++;
            }
        }

        // An id the sandbox ledger (or a connector) already gave to a record of its own cannot be reused by the bundle.
        if (spec.Scope is not null && slot.Stored && !slot.Owned)
        {
            check.SandboxErrors.Add(new BundleError(spec.Path, row.Line, spec.Column(spec.Key)!.CsvName,
                $"id '{row.Values[spec.IndexOf(spec.Key)]}' already belongs to a record the bundle does not own (made by the sandbox ledger, or synced from Procore or QuickBooks); use another id"));
            _found++;
        }

        _rules.Observe(spec, row);
    }

    /// <summary>The ids a file holds once it is checked (or stored, for a file the bundle lacks); null while it is not checked yet.</summary>
    private KeyTable? KnownKeys(string target) =>
        _checks.TryGetValue(target, out var parent) ? parent.Done ? parent.Keys : null : _storedKeys.GetValueOrDefault(target);

    /// <param name="target">A file already checked, or absent (then its stored keys answer).</param>
    private string? Unknown(string target, string value) => _checks.TryGetValue(target, out var parent)
        ? parent.Keys!.Known(value) ? null : $"unknown reference '{value}': expected an id in {target}"
        : _storedKeys[target].Known(value) ? null
        : $"unknown reference '{value}': expected an id in {target} (absent from this bundle, and not already stored)";

    /// <summary>The owned stored keys the file no longer lists, and the keys other files may refer to.</summary>
    private void Finish(TableCheck check, KeyTable keys)
    {
        for (var entry = 0; entry < keys.Count; entry++)
        {
            ref var slot = ref keys.Slot(entry);
            if (slot is { Stored: true, Owned: true, Listed: false })
            {
                check.Removed.Add(keys.KeyString(entry));
            }

            // A merge keeps every stored row, so a stored id is a good target even when its file is present (issue 14).
            slot.Known = slot.Listed || (merge && slot.Stored);
        }

        if (TableCheck.Referenced.Contains(check.Spec.Path))
        {
            // Issue 18: the table itself answers for the file's keys (no set of strings copied from it).
            check.Keys = keys;
        }

        check.Done = true;
    }

    /// <summary>The stored keys of every absent file this file refers to (read once per import).</summary>
    private async Task LoadTargetsAsync(FileSpec spec, CancellationToken cancellationToken)
    {
        foreach (var target in spec.Columns.SelectMany(TableCheck.Targets).Where(t => !_checks.ContainsKey(t) && !_storedKeys.ContainsKey(t)))
        {
            _storedKeys[target] = await TableCheck.LoadKeysAsync(BundleSchema.File(target), connection, transaction, cancellationToken);
        }
    }

    /// <summary>The checks across rows and files, once every file was read without a field error.</summary>
    public async Task ValidateAsync(ErrorSink errors, CancellationToken cancellationToken)
    {
        foreach (var check in _checks.Values)
        {
            foreach (var (ordinal, column, line, target, value) in check.Deferred)
            {
                if (Unknown(target, value) is { } message)
                {
                    check.ReferenceErrors.Add((ordinal, column, new BundleError(check.Spec.Path, line, check.Spec.Columns[column].CsvName, message)));
                }
            }

            foreach (var error in check.ReferenceErrors.OrderBy(e => e.Ordinal).ThenBy(e => e.Column).Select(e => e.Error).Concat(check.SandboxErrors))
            {
                errors.Add(error.File, error.Line, error.Column, error.Message);
            }
        }

        if (!merge)
        {
            // A merge removes nothing, so no stored row can be orphaned (issue 14).
            await BundleOrphans.CheckAsync(_checks, connection, transaction, errors, cancellationToken);
        }

        await _rules.CheckAsync(_checks.Keys.ToHashSet(StringComparer.Ordinal), connection, transaction, errors, cancellationToken);
    }
}
