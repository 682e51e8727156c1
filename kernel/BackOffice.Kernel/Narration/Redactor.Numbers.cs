using System.Numerics;
using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Narration;

/// <summary>
/// Payment and identity numbers (issue 15): what looks like a card number (13 to 19 digits, spaces or dashes allowed,
/// passing the Luhn check, ISO/IEC 7812-1), an IBAN (country code, check digits, passing the mod-97 check of
/// ISO 13616 / ISO 7064), and a US social security number with or without dashes or spaces (area not 000, 666 or
/// 900-999, group not 00, serial not 0000: the SSA's rules for numbers it issues). The checks keep invoice numbers,
/// amounts and dates that merely have many digits.
/// </summary>
public static partial class Redactor
{
    private static string RedactNumbers(string text)
    {
        // IBANs first: their digit groups could otherwise read as a card number.
        text = IbanPattern().Replace(text, m => Mod97(m.Value) ? Mask : m.Value);
        text = CardPattern().Replace(text, m => Luhn(m.Value) ? Mask : m.Value);
        text = SsnPattern().Replace(text, Mask);
        return BareSsnPattern().Replace(text, m => IssuableSsn(m.Groups["a"].Value, m.Groups["g"].Value, m.Groups["s"].Value) ? Mask : m.Value);
    }

    internal static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    internal static bool Mod97(string candidate)
    {
        var iban = new string(candidate.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (iban.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = iban[4..] + iban[..4];
        var numeric = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static bool IssuableSsn(string area, string group, string serial) =>
        area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000";

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\d-])(?<a>\d{3})[ ]?(?<g>\d{2})[ ]?(?<s>\d{4})(?![\d-])")]
    private static partial Regex BareSsnPattern();
}
