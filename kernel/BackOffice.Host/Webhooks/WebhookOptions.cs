namespace BackOffice.Host.Webhooks;

/// <summary>`Webhooks` in appsettings.json (issue 9). Unset secrets mean the endpoint refuses everything (fail closed).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public QuickBooksHook QuickBooks { get; set; } = new();

    public ProcoreHook Procore { get; set; } = new();

    /// <summary>How often the inbox is drained into sweeps.</summary>
    public int PollSeconds { get; set; } = 5;

    public sealed class QuickBooksHook
    {
        /// <summary>The app's verifier token from the Intuit developer portal; signs every delivery.</summary>
        public string VerifierToken { get; set; } = "";

        /// <summary>QuickBooks company id (realmId / intuitaccountid) to tenant.</summary>
        public Dictionary<string, string> Realms { get; set; } = new(StringComparer.Ordinal);
    }

    public sealed class ProcoreHook
    {
        /// <summary>Procore hooks are unsigned: the secret is sent in this header, as configured on the hook.</summary>
        public string SecretHeader { get; set; } = "X-BackOffice-Secret";

        public string Secret { get; set; } = "";

        /// <summary>Procore company id to tenant.</summary>
        public Dictionary<string, string> Companies { get; set; } = new(StringComparer.Ordinal);
    }
}
