using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// A row hash (<see cref="RowHasher"/>) as values (issue 18: a re-import holds the stored hash of every row of a table;
/// as 64-character strings the 2M bill lines took about 300 MB, as values 80 MB). Two kinds are stored, told apart by
/// the length of their hex text: XxHash128 (32 characters, in A and B; every row written since issue 18's re-import
/// work) and SHA-256 (64 characters; rows written before, still compared as SHA-256, so a re-import after the change
/// finds them unchanged and writes nothing).
/// </summary>
public readonly record struct RowHash(ulong A, ulong B, ulong C, ulong D, bool IsSha256 = true)
{
    /// <summary>A SHA-256 digest (32 bytes) or an XxHash128 one (16 bytes, big-endian as XxHash128.Hash writes it).</summary>
    public static RowHash From(ReadOnlySpan<byte> digest) => digest.Length == Short
        ? new(BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]), 0, 0, IsSha256: false)
        : new(BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[16..]), BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));

    /// <summary>The XxHash128 of a row's canonical bytes: the hash written.</summary>
    public static RowHash XxHash128Of(ReadOnlySpan<byte> canonical)
    {
        var hash = XxHash128.HashToUInt128(canonical);
        return new((ulong)(hash >> 64), (ulong)hash, 0, 0, IsSha256: false);
    }

    /// <summary>The stored hex text (either case); null when it is neither kind in hex (then no computed hash equals it).</summary>
    public static RowHash? Parse(string? hex)
    {
        if (hex is not { Length: HexLength or ShortHexLength })
        {
            return null;
        }

        // A character that is not ASCII becomes '?', which is not hex.
        Span<byte> utf8 = stackalloc byte[HexLength];
        return ParseUtf8(utf8[..Encoding.ASCII.GetBytes(hex, utf8)]);
    }

    /// <summary>
    /// Issue 18: <see cref="Parse"/> of the stored text as SQLite's UTF-8 bytes, without a string per row (the vectorized
    /// UTF-8 overload: a loop per hex digit took about 0.8 us a row, most of reading 2M stored hashes).
    /// </summary>
    public static RowHash? ParseUtf8(ReadOnlySpan<byte> hex)
    {
        if (hex.Length is not (HexLength or ShortHexLength))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        return Convert.FromHexString(hex, bytes, out _, out var written) == OperationStatus.Done && written == hex.Length / 2
            ? From(bytes[..written])
            : null;
    }

    /// <summary>Characters of a SHA-256's lowercase hex text, the longer kind.</summary>
    public const int HexLength = 64;

    /// <summary>Characters of an XxHash128's hex text.</summary>
    public const int ShortHexLength = 32;

    private const int Short = 16;

    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[32];
        return Convert.ToHexStringLower(bytes[..WriteBytes(bytes)]);
    }

    /// <summary>Issue 18: the lowercase hex text as UTF-8 into <paramref name="utf8"/> (at least 64 bytes), for binding without a string; its length.</summary>
    public int WriteHex(Span<byte> utf8)
    {
        Span<byte> bytes = stackalloc byte[32];
        Convert.TryToHexStringLower(bytes[..WriteBytes(bytes)], utf8, out var written);
        return written;
    }

    private int WriteBytes(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        if (!IsSha256)
        {
            return Short;
        }

        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
        return 32;
    }
}
