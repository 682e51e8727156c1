using CsvHelper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 18: on a re-import, takes an unchanged record of one file off the check straight from the reader's bytes,
/// without parsing it into strings: its key is stored, owned and not listed yet, its <see cref="RawRowHasher"/> hash is
/// the stored one, and each id it refers to is one the check already knows. That is what the full check would find for
/// the row (no field error, no duplicate, no reference error, skipped as unchanged), so it marks the same facts. Any
/// other record (new, changed, a field in another spelling, an unknown or not yet checked reference) is parsed and
/// checked as before. Not used for files a bundle rule observes (<see cref="BundleRules.Watches"/>): the rule needs the row.
/// </summary>
internal sealed class UnchangedRowFilter
{
    private readonly TableCheck _check;
    private readonly KeyTable _keys;
    private readonly Func<string, KeyTable?> _knownKeys;
    private readonly RawRowHasher _hasher;
    private readonly int _keyColumn;
    private readonly (int Column, string Target)[] _references;
    private readonly KeyTable?[] _targets;
    private readonly IProgress<ImportProgress>? _progress;

    /// <param name="knownKeys">The ids a file (by path) is known to hold now, or null while that file is not checked yet.</param>
    public UnchangedRowFilter(
        TableCheck check, KeyTable keys, Func<string, KeyTable?> knownKeys, IProgress<ImportProgress>? progress)
    {
        var spec = check.Spec;
        (_check, _keys, _knownKeys, _progress) = (check, keys, knownKeys, progress);
        _hasher = new RawRowHasher(spec);
        _keyColumn = spec.IndexOf(spec.Key);
        _references = spec.Columns.Select((c, i) => (Column: i, Target: c.Reference?.TargetFile))
            .Where(r => spec.Columns[r.Column].Reference is not null).Select(r => (r.Column, r.Target!)).ToArray();
        _targets = new KeyTable?[_references.Length];
    }

    /// <summary>Whether a filter can take this file's rows: a re-import's table, no rule watching it, references by file.</summary>
    public static bool Applies(FileSpec spec, int storedKeys) =>
        storedKeys > 0 && !BundleRules.Watches(spec.Path) && spec.Columns.All(c => c.Reference is null || c.Reference.DiscriminatorColumn is null);

    /// <summary>True when the record was taken off the check as unchanged (its plan entry added); false: parse and check it.</summary>
    public bool TrySkip(CsvReader reader, int[] indexes, int line)
    {
        if (!_hasher.TryRead(reader, indexes))
        {
            return false;
        }

        // Issue 18: the key is looked up by its UTF-8 bytes (no string, no decoding).
        var key = _hasher.Value(_keyColumn, out var keyIsNull);
        var entry = keyIsNull ? -1 : _keys.Find(key);
        if (entry < 0)
        {
            return false;
        }

        ref var slot = ref _keys.Slot(entry);
        // Issue 18: hashed the way the stored hash was (XxHash128, or SHA-256 for a row stored before it), once the key is found.
        if (slot is not { Stored: true, Listed: false } || _check.StoredHash(slot) is not { } stored || _hasher.Hash(stored.IsSha256) != stored
            || (_check.Spec.Scope is not null && !slot.Owned) || !ReferencesKnown())
        {
            return false;
        }

        (slot.Listed, slot.Line) = (true, line);
        _check.Plan.Add(TableCheck.Skip);
        _check.Unchanged++;
        if (_check.Rows % 1000 == 0)
        {
            _progress?.Report(new ImportProgress(ImportPhase.Reading, _check.Spec.Path, _check.Rows));
        }

        return true;
    }

    private bool ReferencesKnown()
    {
        for (var r = 0; r < _references.Length; r++)
        {
            var value = _hasher.Value(_references[r].Column, out var isNull);
            if (isNull)
            {
                continue;
            }

            _targets[r] ??= _knownKeys(_references[r].Target);
            if (_targets[r] is not { } target || !target.Known(value))
            {
                return false;
            }
        }

        return true;
    }
}
