using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BackOffice.Store.Collections;

/// <summary>Where an outbox message goes; returns where it went (a file path, "smtp:host").</summary>
public interface IMessageTransport
{
    Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken);
}

/// <summary>
/// An outbox message as an RFC 5322 message, built with MimeKit (issue 15; before, written by hand): plain UTF-8 text,
/// Message-ID from the idempotency key (so a resend is recognisably the same message), and the channel in an
/// X-BackOffice-Channel header (SMS and call scripts are filed as messages too, since no SMS gateway is configured).
/// </summary>
public static class OutboxMime
{
    public static MimeMessage ToMime(OutboxMessage message, string from, DateTimeOffset date)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject ?? "",
            Date = date,
            MessageId = $"{message.IdempotencyKey}@backoffice",
            Body = new TextPart("plain") { Text = message.Body.ReplaceLineEndings("\r\n"), ContentTransferEncoding = ContentEncoding.EightBit },
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add("X-BackOffice-Channel", message.Channel);
        return mime;
    }
}

/// <summary>
/// The default transport (issue 5): one .eml file per message, named by its idempotency key, so a retried delivery
/// rewrites the same file instead of writing a second one. The file is written whole, then moved into place.
/// </summary>
public sealed class EmlFolderTransport(string folder, TimeProvider clock) : IMessageTransport
{
    public async Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, message.IdempotencyKey + ".eml");
        var temp = path + ".tmp";
        await OutboxMime.ToMime(message, from, clock.GetUtcNow()).WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}

/// <summary>
/// Email through an SMTP relay when one is configured (Outbox:Smtp:Host), with MailKit (issue 15; System.Net.Mail's
/// SmtpClient is not recommended for new code): STARTTLS when the server offers it and EnableSsl is set, implicit TLS
/// on port 465, authentication when a user name is set.
/// </summary>
public sealed class SmtpTransport(SmtpOptions options, TimeProvider clock) : IMessageTransport
{
    public async Task<string> SendAsync(OutboxMessage message, string from, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        var security = !options.EnableSsl ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (options.UserName.Length > 0)
        {
            await client.AuthenticateAsync(options.UserName, options.Password, cancellationToken);
        }

        await client.SendAsync(OutboxMime.ToMime(message, from, clock.GetUtcNow()), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return "smtp:" + options.Host;
    }
}
