using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Collections;

/// <summary>
/// Delivers what is due in one tenant's outbox (issue 5). Called by the host's delivery loop in `serve`; tests call it
/// directly with a manual clock. Email goes by SMTP when a host is configured, everything else to the .eml folder.
/// </summary>
public sealed class OutboxDelivery(OutboxOptions options, TimeProvider clock)
{
    /// <summary>How long a claim lasts before another runner may retry a delivery that never finished.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public async Task<OutboxDeliveryResult> DeliverDueAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        var store = tenant.Outbox;
        var eml = new EmlFolderTransport(options.EmlFolder.Length > 0 ? options.EmlFolder : tenant.FilesFolder("outbox"), clock);
        IMessageTransport? smtp = options.Smtp.Host.Length > 0 ? new SmtpTransport(options.Smtp, clock) : null;
        var delivered = 0;
        var failed = new List<string>();
        foreach (var message in await store.ClaimDueAsync(ClaimFor, 100, cancellationToken))
        {
            var transport = message.Channel == "email" && smtp is not null ? smtp : eml;
            try
            {
                var where = await transport.SendAsync(message, options.FromAddress, cancellationToken);
                await store.MarkDeliveredAsync(message.Id, where, cancellationToken);
                delivered++;
            }
            catch (Exception ex) when (IsDeliveryFailure(ex))
            {
                await store.RecordFailureAsync(message.Id, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
                failed.Add(message.IdempotencyKey);
            }
        }

        return new OutboxDeliveryResult(delivered, failed);
    }

    /// <summary>A delivery that failed and is retried later: the file system, or the SMTP relay (MailKit, issue 15).</summary>
    public static bool IsDeliveryFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Net.Sockets.SocketException
            or MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException;
}

public sealed record OutboxDeliveryResult(int Delivered, IReadOnlyList<string> Failed);
