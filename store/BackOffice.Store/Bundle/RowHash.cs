using System.Buffers.Binary;
using System.Buffers;

namespace BackOffice.Store.Bundle;

/// <summary>
/// A row hash (SHA-256, <see cref="RowHasher"/>) as 32 bytes in four words (issue 18: a re-import holds the stored hash of
/// every row of a table; as 64-character strings the 2M bill lines took about 300 MB, as values 64 MB).
/// </summary>
public readonly record struct RowHash(ulong A, ulong B, ulong C, ulong D)
{
    public static RowHash From(ReadOnlySpan<byte> digest) => new(
        BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[16..]), BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));

    /// <summary>The stored lowercase hex text; null when it is not a SHA-256 in hex (then no computed hash equals it).</summary>
    public static RowHash? Parse(string? hex)
    {
        if (hex is not { Length: 64 })
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        return Convert.FromHexString(hex, bytes, out _, out var written) == OperationStatus.Done && written == 32 ? From(bytes) : null;
    }

    /// <summary>Issue 18: <see cref="Parse"/> of the stored text as SQLite's UTF-8 bytes, without a string per row.</summary>
    public static RowHash? ParseUtf8(ReadOnlySpan<byte> hex)
    {
        if (hex.Length != HexLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        for (var i = 0; i < bytes.Length; i++)
        {
            var (high, low) = (Nibble(hex[2 * i]), Nibble(hex[(2 * i) + 1]));
            if ((high | low) < 0)
            {
                return null;
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        return From(bytes);
    }

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Characters of the lowercase hex text.</summary>
    public const int HexLength = 64;

    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Issue 18: the lowercase hex text as UTF-8 into <paramref name="utf8"/> (64 bytes), for binding without a string.</summary>
    public void WriteHex(Span<byte> utf8)
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBytes(bytes);
        Convert.TryToHexStringLower(bytes, utf8, out _);
    }

    private void WriteBytes(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
    }
}
