using System.Text;

namespace BackOffice.Tools.Documents.Mime;

/// <summary>Reads a structured header value such as <c>multipart/mixed; boundary="b1"</c> (RFC 2045 section 5.1).</summary>
public static class HeaderValue
{
    /// <returns>The value before the first ';' (lower-cased) and its parameters (names lower-cased, quotes removed).</returns>
    public static (string Value, Dictionary<string, string> Parameters) Parse(string header)
    {
        var pieces = SplitOutsideQuotes(header);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in pieces.Skip(1))
        {
            var eq = piece.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var value = piece[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            parameters.TryAdd(piece[..eq].Trim().ToLowerInvariant(), value);
        }

        return (pieces[0].Trim().ToLowerInvariant(), parameters);
    }

    private static List<string> SplitOutsideQuotes(string header)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '\\' && quoted && i + 1 < header.Length)
            {
                current.Append(c).Append(header[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ';' && !quoted)
            {
                pieces.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        pieces.Add(current.ToString());
        return pieces;
    }
}
