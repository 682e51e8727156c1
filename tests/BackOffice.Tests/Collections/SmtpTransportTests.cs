using BackOffice.Store.Collections;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Collections;

/// <summary>Issue 15: outbox email through MailKit's SmtpClient, against a loopback SMTP server (RFC 5321).</summary>
public sealed class SmtpTransportTests : IDisposable
{
    private readonly LoopbackSmtpServer _server = new();

    public void Dispose() => _server.Dispose();

    private SmtpTransport Transport() => new(new SmtpOptions { Host = "127.0.0.1", Port = _server.Port, EnableSsl = false }, new ManualClock());

    private static OutboxMessage Message(string to) => new()
    {
        IdempotencyKey = "k-1047", Channel = "email", Recipient = to, Subject = "Invoice 1047 is past due",
        Body = "Invoice 1047 for $40,095.00 is past due.\n.\nLine after a lone dot.",
    };

    [Fact]
    public async Task Send_LoopbackServer_DeliversTheMessageWithItsIdempotentMessageId()
    {
        var where = await Transport().SendAsync(Message("john.smith@example.com"), "receivables@example.com", CancellationToken.None);

        Assert.Equal("smtp:127.0.0.1", where);
        var (recipients, data) = Assert.Single(_server.Messages);
        Assert.Equal(["john.smith@example.com"], recipients);
        Assert.Contains("Message-Id: <k-1047@backoffice>", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-BackOffice-Channel: email", data, StringComparison.Ordinal);
        Assert.Contains("Subject: Invoice 1047 is past due", data, StringComparison.Ordinal);
        // The lone "." in the body is dot-stuffed on the wire (RFC 5321 section 4.5.2) and arrives intact.
        Assert.Contains("$40,095.00 is past due.\r\n.\r\nLine after a lone dot.", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RecipientRefused_ThrowsAnSmtpErrorTheDeliveryRecords()
    {
        _server.RefuseRecipient = "nobody@example.com";

        var ex = await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(
            () => Transport().SendAsync(Message("nobody@example.com"), "receivables@example.com", CancellationToken.None));

        Assert.True(OutboxDelivery.IsDeliveryFailure(ex));
        Assert.Empty(_server.Messages);
    }
}
