using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// The row hash a re-import compares with the stored <c>row_hash</c>: SHA-256 over "name=value" for each column, each
/// followed by a unit separator, a null written as NUL (so "a","" and "a",null and "",null differ), as lowercase hex.
/// Issue 18: one hasher per table reuses its buffers, so hashing 2M rows does not build a string per row; the hash is
/// the one stored before, so a re-import after this change still finds unchanged rows unchanged.
/// </summary>
public sealed class RowHasher
{
    private readonly string[] _prefixes;
    // Issue 18: one SHA-256 context per table, reset after each row; the one-shot call set one up per row (on Linux
    // through OpenSSL), the largest single cost of a re-import's check.
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private char[] _chars = new char[512];
    private byte[] _bytes = new byte[1024];

    public RowHasher(FileSpec spec)
    {
        _prefixes = spec.Columns.Select(c => c.SqlName + "=").ToArray();
    }

    public string Hash(ParsedRow row) => Of(row).ToHex();

    /// <summary>Issue 18: the hash as a value, for comparing with <see cref="RowHash.Parse"/> of the stored text without a string per row.</summary>
    public RowHash Of(ParsedRow row)
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

        var encoded = Encoding.UTF8.GetBytes(_chars, 0, length, _bytes, 0);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _sha256.AppendData(_bytes, 0, encoded);
        _sha256.GetHashAndReset(digest);
        return RowHash.From(digest);
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
