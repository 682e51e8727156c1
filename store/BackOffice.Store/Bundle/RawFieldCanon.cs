using System.Globalization;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 18: the value a field parses to, read straight from its UTF-8 bytes for the plain spellings only (text that
/// needs no check beyond its length and first character, yyyy-MM-dd, 1234.56, -12.5, 7.5, 10, an enum or a boolean in
/// any ASCII case), so a re-import can hash an unchanged row without building its strings. Every spelling accepted here
/// parses to the same value through <see cref="ValueParsers"/>; anything else (a thousands separator, $, parentheses, a
/// percent sign, more decimals, a date and time, a text that could be a formula) answers false and the row is parsed
/// as before, which also reports its errors.
/// </summary>
internal static class RawFieldCanon
{
    /// <summary>The ASCII whitespace <see cref="string.Trim()"/> removes; a field that starts or ends with other whitespace is not trimmed here.</summary>
    public static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> field)
    {
        var start = 0;
        var end = field.Length;
        while (start < end && IsAsciiSpace(field[start]))
        {
            start++;
        }

        while (end > start && IsAsciiSpace(field[end - 1]))
        {
            end--;
        }

        return field[start..end];
    }

    /// <summary>False when the trimmed field starts or ends with whitespace outside ASCII (a no-break space): the row is parsed as before.</summary>
    public static bool EdgesAreNotSpace(ReadOnlySpan<byte> trimmed) =>
        trimmed.IsEmpty || ((trimmed[0] < 0x80 || !StartsWithSpace(trimmed)) && (trimmed[^1] < 0x80 || !EndsWithSpace(trimmed)));

    /// <summary>A text value stored as it is: at most <see cref="BundleCsvReader.MaxTextLength"/> bytes, not starting like a formula.</summary>
    public static bool IsPlainText(ReadOnlySpan<byte> text) =>
        text.Length <= BundleCsvReader.MaxTextLength && text[0] is not ((byte)'=' or (byte)'@' or (byte)'+' or (byte)'-');

    /// <summary>A yyyy-MM-dd date, stored as its text.</summary>
    public static bool IsDate(ReadOnlySpan<byte> text)
    {
        if (text.Length != 10)
        {
            return false;
        }

        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < 10; i++)
        {
            if (text[i] >= 0x80)
            {
                return false;
            }

            chars[i] = (char)text[i];
        }

        return DateOnly.TryParseExact(chars, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>The allowed spelling an enum field matches in ASCII case, the first one as <see cref="ValueParsers.Enum"/> takes it.</summary>
    public static int EnumIndex(ReadOnlySpan<byte> text, byte[][] allowed)
    {
        for (var i = 0; i < allowed.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text, allowed[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Money, percent, E4, integer and boolean fields in their plain spellings, as the stored whole number.</summary>
    public static bool TryNumber(ValueKind kind, ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        switch (kind)
        {
            case ValueKind.Money:
                var negative = text[0] == (byte)'-';
                if (!TryScaled(negative ? text[1..] : text, 12, 2, out value))
                {
                    return false;
                }

                value = negative ? -value : value;
                return true;
            case ValueKind.E4:
                return TryScaled(text, 12, 4, out value);
            case ValueKind.Percent:
                return TryScaled(text, 3, 2, out value) && value <= 10_000;
            case ValueKind.Integer:
                return TryScaled(text, 18, 0, out value);
            case ValueKind.Bool:
                value = Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8) || text.SequenceEqual("1"u8) ? 1
                    : Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "no"u8) || text.SequenceEqual("0"u8) ? 0 : -1;
                return value >= 0;
            default:
                return false;
        }
    }

    /// <summary>
    /// Digits (1 to <paramref name="wholeDigits"/>, so the value stays under the parsers' bound), then optionally a point
    /// and 1 to <paramref name="decimals"/> digits, as a whole number of 1/10^decimals.
    /// </summary>
    private static bool TryScaled(ReadOnlySpan<byte> text, int wholeDigits, int decimals, out long value)
    {
        value = 0;
        var point = text.IndexOf((byte)'.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (whole.Length is 0 || whole.Length > wholeDigits || (point >= 0 && (fraction.Length is 0 || fraction.Length > decimals)))
        {
            return false;
        }

        for (var i = 0; i < whole.Length; i++)
        {
            if (!char.IsAsciiDigit((char)whole[i]))
            {
                return false;
            }

            value = (value * 10) + (whole[i] - '0');
        }

        for (var i = 0; i < decimals; i++)
        {
            if (i < fraction.Length && !char.IsAsciiDigit((char)fraction[i]))
            {
                return false;
            }

            value = (value * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        return true;
    }

    private static bool IsAsciiSpace(byte b) => b is (byte)' ' or >= 0x09 and <= 0x0D;

    private static bool StartsWithSpace(ReadOnlySpan<byte> text) =>
        Rune.DecodeFromUtf8(text, out var rune, out _) != System.Buffers.OperationStatus.Done || Rune.IsWhiteSpace(rune);

    private static bool EndsWithSpace(ReadOnlySpan<byte> text) =>
        Rune.DecodeLastFromUtf8(text, out var rune, out _) != System.Buffers.OperationStatus.Done || Rune.IsWhiteSpace(rune);
}
