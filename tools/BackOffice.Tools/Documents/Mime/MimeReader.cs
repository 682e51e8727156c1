using System.ComponentModel;
using MimeKit;

namespace BackOffice.Tools.Documents.Mime;

/// <summary>
/// Reads an .eml file (RFC 5322 with MIME, RFC 2045/2046) through MimeKit (issue 15; before, a hand-written reader):
/// headers unfolded and decoded (RFC 2047 encoded words, RFC 2231 parameters), multipart bodies to any depth, base64
/// and quoted-printable parts, attachment file names, text in its declared charset. MimeKit reads leniently; what it
/// keeps from a broken message that would make reading on a guess (a multipart never closed: a truncated message) is
/// refused with <see cref="MimeFormatException"/>, as before; MimeKit caps the nesting depth (ParserOptions.MaxMimeDepth).
/// </summary>
public static class MimeReader
{
    [Description("Parse an email file (.eml, RFC 5322 with MIME) into its headers and its decoded leaf parts, attachments named.")]
    public static MailMessage Read([Description("The raw bytes of the .eml file")] byte[] raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            throw new MimeFormatException(e.Message);
        }

        if (MultipartCloseCheck.Unclosed(raw) is { } boundary)
        {
            throw new MimeFormatException($"The multipart body is not closed with '--{boundary}--' (truncated message?).");
        }

        var headers = message.Headers
            .GroupBy(h => h.Field.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.Trim(), StringComparer.Ordinal);
        return new MailMessage(headers, message.BodyParts.OfType<MimePart>().Select(ToPart).ToList());
    }

    private static MailPart ToPart(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return new MailPart(part.ContentType.MimeType.ToLowerInvariant(), part.ContentType.Charset, part.FileName, content.ToArray(),
            part is TextPart text ? text.Text : null);
    }
}

/// <summary>
/// MimeKit's event reader over the same bytes, counting multiparts begun and closing boundaries read (RFC 2046 section
/// 5.1.1): MimeKit's own parser accepts a multipart whose "--boundary--" never came, which here means a truncated message.
/// </summary>
internal sealed class MultipartCloseCheck(Stream stream) : MimeKit.MimeReader(stream, MimeFormat.Default)
{
    private readonly Stack<string> _open = new();
    private string? _unclosed;

    /// <summary>The boundary of the first multipart left open, or null when every one is closed.</summary>
    public static string? Unclosed(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var check = new MultipartCloseCheck(stream);
        check.ReadMessage();
        return check._unclosed ?? (check._open.Count > 0 ? check._open.Peek() : null);
    }

    protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        _open.Push(contentType.Boundary ?? "");

    protected override void OnMultipartEndBoundaryBegin(long beginOffset, int lineNumber, CancellationToken cancellationToken) =>
        _open.TryPop(out _);

    protected override void OnMultipartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
    {
        // A multipart that ends while its own boundary is still open was never closed.
        if (_open.Count > 0 && _open.Peek() == (contentType.Boundary ?? "") && _unclosed is null)
        {
            _unclosed = _open.Peek();
        }
    }
}
