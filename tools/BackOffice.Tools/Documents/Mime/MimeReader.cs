using System.ComponentModel;
using System.Text;

namespace BackOffice.Tools.Documents.Mime;

/// <summary>
/// A small RFC 5322 / MIME (RFC 2045, 2046) reader: headers with folding, multipart bodies to any depth, base64 and
/// quoted-printable parts, attachment file names. Written by hand because the registry has no MimeKit (issue 6);
/// it reads what mail clients send, and refuses (MimeFormatException) what it cannot read instead of guessing.
/// Not handled: RFC 2047 encoded words and RFC 2231 continued parameters (kept as they are).
/// </summary>
public static class MimeReader
{
    [Description("Parse an email file (.eml, RFC 5322 with MIME) into its headers and its decoded leaf parts, attachments named.")]
    public static MailMessage Read([Description("The raw bytes of the .eml file")] byte[] raw)
    {
        // Latin-1 maps every byte to one char, so 8bit bodies survive until their charset is applied.
        var text = Encoding.Latin1.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (headers, body) = Split(text);
        var parts = new List<MailPart>();
        ReadEntity(headers, body, parts, depth: 0);
        return new MailMessage(headers, parts);
    }

    private static void ReadEntity(Dictionary<string, string> headers, string body, List<MailPart> parts, int depth)
    {
        var (type, parameters) = HeaderValue.Parse(headers.GetValueOrDefault("content-type") ?? "text/plain; charset=us-ascii");
        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (depth > 20)
            {
                throw new MimeFormatException("Multipart nesting deeper than 20 levels.");
            }

            var boundary = parameters.GetValueOrDefault("boundary") ?? throw new MimeFormatException($"{type} without a boundary parameter.");
            foreach (var child in Children(body, boundary))
            {
                var (childHeaders, childBody) = Split(child);
                ReadEntity(childHeaders, childBody, parts, depth + 1);
            }

            return;
        }

        var (_, disposition) = HeaderValue.Parse(headers.GetValueOrDefault("content-disposition") ?? "");
        var fileName = disposition.GetValueOrDefault("filename") ?? parameters.GetValueOrDefault("name");
        var content = (headers.GetValueOrDefault("content-transfer-encoding") ?? "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => MimeText.Base64(body),
            "quoted-printable" => MimeText.QuotedPrintable(body),
            _ => Encoding.Latin1.GetBytes(body.Replace("\n", "\r\n", StringComparison.Ordinal)),
        };
        parts.Add(new MailPart(type, parameters.GetValueOrDefault("charset"), fileName, content));
    }

    /// <summary>The body parts between "--boundary" lines, up to "--boundary--" (RFC 2046 section 5.1.1); preamble and epilogue dropped.</summary>
    private static IEnumerable<string> Children(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var lines = body.Split('\n');
        StringBuilder? current = null;
        var closed = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd(' ', '\t', '\r');
            if (trimmed == delimiter + "--")
            {
                closed = true;
                break;
            }

            if (trimmed == delimiter)
            {
                if (current is not null)
                {
                    yield return Chop(current);
                }

                current = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is null)
        {
            throw new MimeFormatException($"No part starts with the boundary '{boundary}'.");
        }

        if (!closed)
        {
            throw new MimeFormatException($"The multipart body is not closed with '--{boundary}--' (truncated message?).");
        }

        yield return Chop(current);
    }

    /// <summary>The line break before a delimiter belongs to the delimiter, not to the part (RFC 2046 section 5.1.1).</summary>
    private static string Chop(StringBuilder part) => part.Length > 0 && part[^1] == '\n' ? part.ToString(0, part.Length - 1) : part.ToString();

    /// <summary>Headers up to the first empty line, unfolded (RFC 5322 section 2.2.3), names lower-cased; the first of a repeated name wins.</summary>
    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = entity.StartsWith('\n') ? 0 : entity.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? entity : entity[..end];
        var body = end < 0 ? "" : entity[(end + (end == 0 ? 1 : 2))..];
        string? name = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                headers[name] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (!headers.TryAdd(name, value))
            {
                name = null;
            }
        }

        return (headers, body);
    }
}
