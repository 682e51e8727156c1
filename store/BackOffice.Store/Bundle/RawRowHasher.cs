using System.Globalization;
using System.Text;
using CsvHelper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 18: the <see cref="RowHasher"/> hash of a CSV record taken from the reader's UTF-8 field bytes, without a string,
/// a boxed number or a parsed row: the same "name=value" bytes, each value as <see cref="RawFieldCanon"/> reads it. A
/// record with a field in any other spelling (or a required field left empty) is not hashed here; the caller parses it.
/// After a hash, <see cref="Value"/> gives each column's value bytes until the next record.
/// </summary>
internal sealed class RawRowHasher
{
    private readonly FileSpec _spec;
    private readonly byte[][] _prefixes;
    private readonly byte[]?[] _defaults;
    private readonly byte[][]?[] _allowed;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly RowDigest _digest = new();
    private byte[] _bytes = new byte[1024];
    private int _used;

    public RawRowHasher(FileSpec spec)
    {
        _spec = spec;
        _prefixes = spec.Columns.Select(c => Encoding.UTF8.GetBytes(c.SqlName + "=")).ToArray();
        _defaults = spec.Columns.Select(c => c.Default is { } value ? Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") : null).ToArray();
        _allowed = spec.Columns.Select(c => c.Kind == ValueKind.Enum ? c.Allowed.Select(a => Encoding.UTF8.GetBytes(a)).ToArray() : null).ToArray();
        (_start, _length) = (new int[spec.Columns.Count], new int[spec.Columns.Count]);
    }

    /// <summary>The value bytes of a column of the record last hashed; null when the value is null.</summary>
    public ReadOnlySpan<byte> Value(int column, out bool isNull)
    {
        isNull = _length[column] < 0;
        return isNull ? [] : _bytes.AsSpan(_start[column], _length[column]);
    }

    /// <summary>The record's hash as written (XxHash128), or false when a field is not in a spelling read here.</summary>
    /// <param name="indexes">The CSV field of each spec column, -1 for an absent optional column.</param>
    public bool TryHash(CsvReader reader, int[] indexes, out RowHash hash)
    {
        var read = TryRead(reader, indexes);
        hash = read ? Hash(sha256: false) : default;
        return read;
    }

    /// <summary>
    /// Issue 18: reads the record into its canonical bytes (then <see cref="Value"/> and <see cref="Hash"/> answer for it),
    /// or false when a field is not in a spelling read here. The caller finds the key first, then hashes the way its stored
    /// hash was taken.
    /// </summary>
    public bool TryRead(CsvReader reader, int[] indexes)
    {
        _used = 0;
        for (var i = 0; i < indexes.Length; i++)
        {
            Append(_prefixes[i]);
            var field = indexes[i] < 0 ? [] : RawFieldCanon.TrimAscii(reader.GetSpan(indexes[i]));
            if (!RawFieldCanon.EdgesAreNotSpace(field) || !TryAppendValue(i, field))
            {
                return false;
            }

            Append([0x1f]);
        }

        return true;
    }

    /// <summary>The hash of the record last read: XxHash128, or SHA-256 to compare with a hash stored before it.</summary>
    public RowHash Hash(bool sha256) => _digest.Of(_bytes.AsSpan(0, _used), sha256);

    private bool TryAppendValue(int column, ReadOnlySpan<byte> field)
    {
        var spec = _spec.Columns[column];
        _start[column] = _used;
        if (field.IsEmpty)
        {
            if (spec.Required)
            {
                return false;
            }

            _length[column] = _defaults[column] is null ? -1 : _defaults[column]!.Length;
            Append(_defaults[column] ?? [0]);
            return true;
        }

        switch (spec.Kind)
        {
            case ValueKind.Text when RawFieldCanon.IsPlainText(field):
            case ValueKind.Date when RawFieldCanon.IsDate(field):
                Append(field);
                break;
            case ValueKind.Enum when RawFieldCanon.EnumIndex(field, _allowed[column]!) is var index and >= 0:
                Append(_allowed[column]![index]);
                break;
            case ValueKind.Money or ValueKind.Percent or ValueKind.E4 or ValueKind.Integer or ValueKind.Bool
                when RawFieldCanon.TryNumber(spec.Kind, field, out var number) && (number >= 0 || spec.Sign != SignRule.NonNegative):
                Span<byte> digits = stackalloc byte[24];
                number.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                Append(digits[..written]);
                break;
            default:
                return false;
        }

        _length[column] = _used - _start[column];
        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_bytes.Length < _used + bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_used + bytes.Length, _bytes.Length * 2));
        }

        bytes.CopyTo(_bytes.AsSpan(_used));
        _used += bytes.Length;
    }
}
