using System.Globalization;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// The row hash a re-import compares with the stored <c>row_hash</c>: XxHash128 over "name=value" for each column, each
/// followed by a unit separator, a null written as NUL (so "a","" and "a",null and "",null differ), as lowercase hex.
/// Issue 18: one hasher per table reuses its buffers, so hashing 2M rows does not build a string per row. Rows stored
/// before carry the SHA-256 of the same bytes, and a row compared with one is hashed the same way
/// (<see cref="Of(ParsedRow, bool)"/>), so a re-import after the change still finds unchanged rows unchanged.
/// </summary>
public sealed class RowHasher
{
    private readonly string[] _prefixes;
    private readonly RowDigest _digest = new();
    private char[] _chars = new char[512];
    private byte[] _bytes = new byte[1024];

    public RowHasher(FileSpec spec)
    {
        _prefixes = spec.Columns.Select(c => c.SqlName + "=").ToArray();
    }

    public string Hash(ParsedRow row) => Of(row).ToHex();

    /// <summary>Issue 18: the hash written, as a value, for comparing with <see cref="RowHash.Parse"/> of the stored text without a string per row.</summary>
    public RowHash Of(ParsedRow row) => Of(row, sha256: false);

    /// <summary>The hash as <paramref name="sha256"/> says: SHA-256, to compare with a hash stored before XxHash128.</summary>
    public RowHash Of(ParsedRow row, bool sha256)
    {
        var length = 0;
        for (var i = 0; i < _prefixes.Length; i++)
        {
            Append(_prefixes[i], ref length);
            switch (row.Values[i])
            {
                case null:
                    Append("\0", ref length);
                    break;
                case long number:
                    Reserve(length + 20);
                    number.TryFormat(_chars.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
                    length += written;
                    break;
                case var other:
                    Append(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", ref length);
                    break;
            }

            Append("\u001f", ref length);
        }

        var byteCount = Encoding.UTF8.GetMaxByteCount(length);
        if (_bytes.Length < byteCount)
        {
            _bytes = new byte[byteCount];
        }

        var canonical = _bytes.AsSpan(0, Encoding.UTF8.GetBytes(_chars, 0, length, _bytes, 0));
        return _digest.Of(canonical, sha256);
    }

    private void Append(string text, ref int length)
    {
        Reserve(length + text.Length);
        text.CopyTo(_chars.AsSpan(length));
        length += text.Length;
    }

    private void Reserve(int needed)
    {
        if (_chars.Length < needed)
        {
            Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
        }
    }
}
