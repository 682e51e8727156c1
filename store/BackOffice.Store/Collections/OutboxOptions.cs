namespace BackOffice.Store.Collections;

/// <summary>
/// How the collections outbox sends (issue 5), appsettings.json section "Outbox". Secure by default: with no SMTP host
/// nothing leaves the machine; messages are written as .eml files to the tenant's "outbox" folder.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How long a queued message waits before it leaves: the window in which an undo takes it back.</summary>
    public int DeliveryDelayMinutes { get; set; } = 15;

    /// <summary>How often the delivery runner in `serve` looks for due messages.</summary>
    public int PollSeconds { get; set; } = 30;

    public string FromAddress { get; set; } = "receivables@example.com";

    /// <summary>Folder for .eml files; empty means the tenant's own folder, subfolder "outbox".</summary>
    public string EmlFolder { get; set; } = "";

    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan DeliveryDelay => TimeSpan.FromMinutes(DeliveryDelayMinutes);
}

/// <summary>SMTP relay; used only when <see cref="Host"/> is set. Credentials come from the environment, never the file.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}
