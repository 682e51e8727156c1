namespace BackOffice.Tools.Documents.Mime;

/// <summary>One leaf part of a message: its media type, file name if it is an attachment, and decoded bytes.</summary>
/// <param name="DecodedText">A text part's text in its declared charset, as MimeKit decodes it (null for other parts).</param>
public sealed record MailPart(string ContentType, string? Charset, string? FileName, byte[] Content, string? DecodedText = null)
{
    public bool IsText => ContentType.StartsWith("text/", StringComparison.Ordinal);

    public bool IsAttachment => FileName is not null;

    /// <summary>The part as text: in its declared charset for a text part, else the bytes as UTF-8.</summary>
    public string Text => DecodedText ?? System.Text.Encoding.UTF8.GetString(Content);
}

/// <summary>A parsed RFC 5322 message: its top-level headers and its leaf parts in order.</summary>
public sealed record MailMessage(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<MailPart> Parts)
{
    public string? Subject => Headers.GetValueOrDefault("subject");

    public string? From => Headers.GetValueOrDefault("from");

    public IEnumerable<MailPart> Attachments => Parts.Where(p => p.IsAttachment);

    /// <summary>The first text part that is not an attachment (text/plain preferred over text/html).</summary>
    public MailPart? Body =>
        Parts.FirstOrDefault(p => !p.IsAttachment && p.ContentType == "text/plain")
        ?? Parts.FirstOrDefault(p => !p.IsAttachment && p.IsText);
}

/// <summary>A message that breaks MIME's rules badly enough that reading on would be guessing.</summary>
public sealed class MimeFormatException(string message) : Exception(message);
