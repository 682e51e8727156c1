using System.Text;
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
    private readonly Dictionary<string, KeySlot> _keys;
    private readonly Dictionary<string, KeySlot>.AlternateLookup<ReadOnlySpan<char>> _byKey;
    private readonly Func<string, HashSet<string>?> _knownKeys;
    private readonly RawRowHasher _hasher;
    private readonly int _keyColumn;
    private readonly (int Column, string Target)[] _references;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?[] _targets;
    private readonly IProgress<ImportProgress>? _progress;
    private char[] _chars = new char[256];

    /// <param name="knownKeys">The ids a file (by path) is known to hold now, or null while that file is not checked yet.</param>
    public UnchangedRowFilter(
        TableCheck check, Dictionary<string, KeySlot> keys, Func<string, HashSet<string>?> knownKeys, IProgress<ImportProgress>? progress)
    {
        var spec = check.Spec;
        (_check, _keys, _knownKeys, _progress) = (check, keys, knownKeys, progress);
        _byKey = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _hasher = new RawRowHasher(spec);
        _keyColumn = spec.IndexOf(spec.Key);
        _references = spec.Columns.Select((c, i) => (Column: i, Target: c.Reference?.TargetFile))
            .Where(r => spec.Columns[r.Column].Reference is not null).Select(r => (r.Column, r.Target!)).ToArray();
        _targets = new HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?[_references.Length];
    }

    /// <summary>Whether a filter can take this file's rows: a re-import's table, no rule watching it, references by file.</summary>
    public static bool Applies(FileSpec spec, int storedKeys) =>
        storedKeys > 0 && !BundleRules.Watches(spec.Path) && spec.Columns.All(c => c.Reference is null || c.Reference.DiscriminatorColumn is null);

    /// <summary>True when the record was taken off the check as unchanged (its plan entry added); false: parse and check it.</summary>
    public bool TrySkip(CsvReader reader, int[] indexes, int line)
    {
        if (!_hasher.TryHash(reader, indexes, out var hash))
        {
            return false;
        }

        var key = _hasher.Value(_keyColumn, out var keyIsNull);
        if (keyIsNull || !_byKey.TryGetValue(Chars(key), out var actualKey, out var slot)
            || slot is not { Stored: true, Listed: false } || _check.StoredHash(slot) != hash
            || (_check.Spec.Scope is not null && !slot.Owned) || !ReferencesKnown())
        {
            return false;
        }

        (slot.Listed, slot.Line) = (true, line);
        _keys[actualKey] = slot;
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

            if (_targets[r] is null && _knownKeys(_references[r].Target) is { } known)
            {
                _targets[r] = known.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (_targets[r] is not { } target || !target.Contains(Chars(value)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The UTF-8 bytes as chars in the filter's buffer (one value at a time).</summary>
    private ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8)
    {
        if (_chars.Length < utf8.Length)
        {
            _chars = new char[utf8.Length * 2];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }
}
