using System.Text;

namespace BackOffice.Tools.Documents.Mime;

/// <summary>Content-Transfer-Encoding decoders (RFC 2045 section 6) and charset lookup.</summary>
public static class MimeText
{
    public static string Decode(byte[] content, string? charset)
    {
        Encoding encoding;
        try
        {
            encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // An unknown charset name: UTF-8 reads ASCII right and shows anything else as replacement characters.
            encoding = Encoding.UTF8;
        }

        return encoding.GetString(content);
    }

    /// <summary>Base64 ignoring line breaks and other characters outside the alphabet, as RFC 2045 section 6.8 requires.</summary>
    public static byte[] Base64(string body)
    {
        var kept = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                kept.Append(c);
            }
        }

        var text = kept.ToString().TrimEnd('=');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new MimeFormatException("A base64 part is not valid base64: " + e.Message);
        }
    }

    /// <summary>Quoted-printable (RFC 2045 section 6.7): "=XX" is a byte, "=" at a line end is a soft line break.</summary>
    public static byte[] QuotedPrintable(string body)
    {
        var bytes = new List<byte>(body.Length);
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            // Trailing whitespace was added in transport and is not part of the data (rule 3).
            var line = lines[l].TrimEnd(' ', '\t');
            var soft = line.EndsWith('=');
            if (soft)
            {
                line = line[..^1];
            }

            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '=' && i + 2 < line.Length && IsHex(line[i + 1]) && IsHex(line[i + 2]))
                {
                    bytes.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(line[i].ToString()));
                }
            }

            if (!soft && l < lines.Length - 1)
            {
                bytes.Add((byte)'\r');
                bytes.Add((byte)'\n');
            }
        }

        return [.. bytes];
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
