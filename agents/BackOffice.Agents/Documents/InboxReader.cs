using System.Text;
using BackOffice.Domain.Documents;
using BackOffice.Store.Documents;
using BackOffice.Tools.Documents.Mime;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Turns the tenant's inbox folder into documents (issue 6): .txt as is, .csv laid out as text, .pdf through
/// PdfPig, .eml split into its body and each attachment. Anything unreadable becomes a document with a reason,
/// so it reaches a person instead of disappearing.
/// </summary>
public sealed class InboxReader(PdfText pdf)
{
    public async Task<IReadOnlyList<InboxDocument>> ReadAsync(string inboxFolder, CancellationToken cancellationToken)
    {
        var documents = new List<InboxDocument>();
        if (!Directory.Exists(inboxFolder))
        {
            return documents;
        }

        // Arrival order (then name): the first copy of a bill received is the original, later copies are its duplicates.
        foreach (var path in Directory.EnumerateFiles(inboxFolder).OrderBy(File.GetLastWriteTimeUtc).ThenBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (Path.GetExtension(name).Equals(".eml", StringComparison.OrdinalIgnoreCase))
            {
                documents.AddRange(await EmailAsync(name, bytes, cancellationToken));
            }
            else
            {
                documents.Add(await FileAsync(name, name, name, bytes, null, null, cancellationToken));
            }
        }

        return documents;
    }

    private async Task<IReadOnlyList<InboxDocument>> EmailAsync(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        MailMessage message;
        try
        {
            message = MimeReader.Read(bytes);
        }
        catch (MimeFormatException e)
        {
            return [new InboxDocument(name, name, "eml", null, null, null, "the email cannot be read: " + e.Message)];
        }

        var documents = new List<InboxDocument>();
        if (message.Body is { } body && body.Text.Trim().Length > 0)
        {
            var text = body.ContentType == "text/html" ? HtmlText.Strip(body.Text) : body.Text;
            documents.Add(new InboxDocument(name, name, "eml", text, message.Subject, message.From, null));
        }

        var index = 0;
        foreach (var attachment in message.Attachments)
        {
            index++;
            var id = $"{name}#{index}-{attachment.FileName}";
            documents.Add(await FileAsync(id, name, attachment.FileName!, attachment.Content, message.Subject, message.From, cancellationToken));
        }

        return documents;
    }

    private async Task<InboxDocument> FileAsync(
        string id, string source, string fileName, byte[] bytes, string? subject, string? from, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        switch (extension)
        {
            case "txt" or "text" or "eml":
                return new InboxDocument(id, source, extension, Encoding.UTF8.GetString(bytes), subject, from, null);
            case "csv":
                return new InboxDocument(id, source, extension, CsvLayout.ToText(Encoding.UTF8.GetString(bytes)), subject, from, null);
            case "pdf":
                var result = await pdf.ReadBytesAsync(bytes, cancellationToken);
                return new InboxDocument(id, source, extension, result.Text, subject, from, result.Problem);
            default:
                return new InboxDocument(id, source, extension, null, subject, from, $"'.{extension}' files are not read; a person must look at it");
        }
    }
}
