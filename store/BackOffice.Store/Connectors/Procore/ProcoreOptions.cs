namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// `Procore` in appsettings.json or `BACKOFFICE_Procore__*` (issue 14). The URLs default to Procore's production hosts
/// (procore.md section 1: login.procore.com and api.procore.com; the developer sandbox is login-sandbox.procore.com and
/// sandbox.procore.com); tests point them at a loopback fake. The client secret is never logged or shown.
/// </summary>
public sealed class ProcoreOptions
{
    public const string SectionName = "Procore";

    public string LoginUrl { get; set; } = "https://login.procore.com";

    public string ApiBaseUrl { get; set; } = "https://api.procore.com";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>per_page on list calls; Procore asks v1 callers to keep it at or below 2,000 (pagination.md).</summary>
    public int PerPage { get; set; } = 100;

    /// <summary>The longest one rate-limit wait may be: the hourly window resets within the hour (rate_limiting.md); tests shorten it.</summary>
    public double MaxRateLimitWaitSeconds { get; set; } = 3600;

    /// <summary>How many 429 or 503 answers in a row one request waits out before it gives up.</summary>
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>Ask for a new token this long before the access token's 5,400 seconds run out.</summary>
    public int RefreshMarginSeconds { get; set; } = 300;

    /// <summary>The loopback port `connect procore` listens on for the redirect; register http://localhost:PORT/callback with Procore.</summary>
    public int CallbackPort { get; set; } = 8766;

    public string CallbackHost { get; set; } = "localhost";

    public bool Configured => ClientId.Length > 0 && ClientSecret.Length > 0;

    public string TokenUrl => LoginUrl.TrimEnd('/') + "/oauth/token";

    /// <summary>What is wrong with these options, if anything (checked at start).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, url) in new[] { ("LoginUrl", LoginUrl), ("ApiBaseUrl", ApiBaseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                yield return $"Procore:{name} '{url}' is not an absolute URL.";
            }
        }

        if (PerPage is < 1 or > 2000 || MaxRateLimitWaitSeconds < 0 || MaxThrottleRetries < 0)
        {
            yield return "Procore: PerPage 1-2000, MaxRateLimitWaitSeconds and MaxThrottleRetries not negative.";
        }
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"Procore(api {ApiBaseUrl}, client id {(ClientId.Length > 0 ? "set" : "missing")})";
}
