using System.Globalization;
using System.Text;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 19: a raw file's name is normalised (Unicode NFC; decomposed characters are refused) and bounded before anything is written, so a 254-character
/// name or a name with control or bidirectional characters is refused with the bundle, not after the rows committed.
/// </summary>
public static class BundleNames
{
    /// <summary>In UTF-8 bytes: leaves room under the 255-byte file name limit for the staging and temporary names.</summary>
    public const int MaxBytes = 200;

    /// <summary>The name as stored and written, or null after adding an error naming <paramref name="relative"/>.</summary>
    public static string? Normalise(string name, string relative, ErrorSink errors)
    {
        var normal = name.Normalize(NormalizationForm.FormC);
        var problem = normal switch
        {
            _ when Encoding.UTF8.GetByteCount(normal) > MaxBytes =>
                $"the file name is {Encoding.UTF8.GetByteCount(normal)} bytes long; at most {MaxBytes} bytes (UTF-8) are accepted",
            _ when normal.Trim() != normal || normal.EndsWith('.') => "the file name starts or ends with a space or ends with a dot",
            // The host runs with invariant globalization, where Normalize leaves non-ASCII text as it is; a combining
            // mark is refused instead, so "cafe\u0301.pdf" and "caf\u00e9.pdf" can never be two files of one name.
            _ when normal.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                => "the file name holds combining (decomposed) characters; save it with composed (NFC) characters",
            _ when normal.Any(c => char.IsControl(c) || IsBidiControl(c)) => "the file name holds control or text-direction characters",
            _ when normal.IndexOfAny(['\\', ':', '/', '*', '?', '"', '<', '>', '|']) >= 0 => "the file name holds one of \\ : / * ? \" < > |",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(relative, null, null, problem + "; rename the file in the bundle");
            return null;
        }

        return normal;
    }

    /// <summary>U+202A-U+202E and U+2066-U+2069 can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
