using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;

namespace BackOffice.Store.Collections;

/// <summary>Where an outbox message goes; returns where it went (a file path, "smtp:host").</summary>
public interface IMessageTransport
{
    Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken);
}

/// <summary>
/// The default transport (issue 5): one RFC 5322 .eml file per message, named by its idempotency key, so a retried
/// delivery rewrites the same file instead of writing a second one. SMS and call scripts are written the same way,
/// marked with an X-BackOffice-Channel header, since no SMS gateway is configured.
/// </summary>
public sealed class EmlFolderTransport(string folder, TimeProvider clock) : IMessageTransport
{
    public async Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, message.IdempotencyKey + ".eml");
        var text = new StringBuilder()
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(message.Recipient).Append("\r\n")
            .Append("Subject: ").Append(message.Subject ?? "").Append("\r\n")
            .Append("Date: ").Append(clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(message.IdempotencyKey).Append("@backoffice>\r\n")
            .Append("X-BackOffice-Channel: ").Append(message.Channel).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.Body.ReplaceLineEndings("\r\n"));
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text.ToString(), new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}

/// <summary>Email through an SMTP relay when one is configured (Outbox:Smtp:Host). Not exercised by the tests: no server here.</summary>
public sealed class SmtpTransport(SmtpOptions options) : IMessageTransport
{
    public async Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl };
        if (options.UserName.Length > 0)
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        using var mail = new MailMessage(from, message.Recipient, message.Subject ?? "", message.Body);
        mail.Headers.Add("Message-ID", $"<{message.IdempotencyKey}@backoffice>");
        await client.SendMailAsync(mail, cancellationToken);
        return "smtp:" + options.Host;
    }
}
