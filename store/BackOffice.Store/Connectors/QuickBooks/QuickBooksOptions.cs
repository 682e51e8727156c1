namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// `QuickBooks` in appsettings.json or `BACKOFFICE_QuickBooks__*` (issue 13). The URLs default to Intuit's production
/// endpoints (qbo.md section 1-2); tests point them at a loopback fake. The client secret is never logged or shown.
/// </summary>
public sealed class QuickBooksOptions
{
    public const string SectionName = "QuickBooks";

    public string AuthorizeUrl { get; set; } = "https://appcenter.intuit.com/connect/oauth2";

    public string TokenUrl { get; set; } = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer";

    public string RevokeUrl { get; set; } = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke";

    /// <summary>Production; the developer sandbox companies are at https://sandbox-quickbooks.api.intuit.com/v3.</summary>
    public string ApiBaseUrl { get; set; } = "https://quickbooks.api.intuit.com/v3";

    /// <summary>Sent on every request; since 2025-08-01 Intuit ignores values below 75 ([blog 2025/01/21]).</summary>
    public int MinorVersion { get; set; } = 75;

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string Scope { get; set; } = "com.intuit.quickbooks.accounting";

    /// <summary>Intuit says to wait 60 seconds after a 429 ([limits page]); tests shorten it.</summary>
    public double ThrottleWaitSeconds { get; set; } = 60;

    /// <summary>How many 429s in a row one request waits out before it gives up.</summary>
    public int MaxThrottleRetries { get; set; } = 3;

    /// <summary>Intuit allows 10 concurrent requests per realm and app ([blog 2016/08/08]).</summary>
    public int MaxConcurrentPerRealm { get; set; } = 10;

    /// <summary>Intuit allows 500 requests a minute per realm ([limits page], qbo.md section 8); the client paces itself under it.</summary>
    public int MaxRequestsPerMinute { get; set; } = 500;

    /// <summary>MAXRESULTS of a query page; Intuit's maximum is 1000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>
    /// The most objects one CDC answer holds ([Intuit CDC page]: 1,000, no paging, deletions listed last). An entity
    /// that comes back with this many may have been cut off, so it is read again by a full query (issue 13).
    /// </summary>
    public int CdcMaxObjects { get; set; } = 1000;

    /// <summary>Refresh this long before the access token's hour runs out, so a sweep never starts on a dying token.</summary>
    public int RefreshMarginSeconds { get; set; } = 300;

    /// <summary>The loopback port `connect quickbooks` listens on for the redirect; register http://localhost:PORT/callback with Intuit.</summary>
    public int CallbackPort { get; set; } = 8765;

    /// <summary>The host of that redirect URI: Intuit's development keys accept http://localhost only.</summary>
    public string CallbackHost { get; set; } = "localhost";

    /// <summary>The item owner invoices carry when the tenant names none (issue 13), by name or Id.</summary>
    public string? InvoiceItem { get; set; }

    /// <summary>The item of the retainage withheld (a negative line) and released (issue 16) on an owner invoice, by name or Id.</summary>
    public string? RetainageItem { get; set; }

    /// <summary>Per-tenant settings (class mapping, invoice item), keyed by tenant id.</summary>
    public Dictionary<string, QuickBooksTenantOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public QuickBooksTenantOptions For(string tenant) => Tenants.TryGetValue(tenant, out var settings) ? settings : new QuickBooksTenantOptions();

    /// <summary>
    /// Where an item setting ("InvoiceItem" or "RetainageItem") comes from for a tenant: its own, else the global one;
    /// the key names the setting in errors. An empty name means the setting is not set.
    /// </summary>
    public QuickBooksItemSetting ItemSetting(string tenant, string setting)
    {
        var own = For(tenant);
        var (tenantValue, globalValue) = setting switch
        {
            "InvoiceItem" => (own.InvoiceItem, InvoiceItem),
            "RetainageItem" => (own.RetainageItem, RetainageItem),
            _ => throw new ArgumentException($"'{setting}' is not an item setting.", nameof(setting)),
        };
        return tenantValue is { Length: > 0 }
            ? new QuickBooksItemSetting($"QuickBooks:Tenants:{tenant}:{setting}", tenantValue)
            : new QuickBooksItemSetting($"QuickBooks:{setting}", globalValue ?? "");
    }

    public bool Configured => ClientId.Length > 0 && ClientSecret.Length > 0;

    /// <summary>What is wrong with these options, if anything (checked at start).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, url) in new[] { ("AuthorizeUrl", AuthorizeUrl), ("TokenUrl", TokenUrl), ("RevokeUrl", RevokeUrl), ("ApiBaseUrl", ApiBaseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                yield return $"QuickBooks:{name} '{url}' is not an absolute URL.";
            }
        }

        if (MinorVersion < 75)
        {
            yield return "QuickBooks:MinorVersion must be 75 or later (Intuit ignores lower values).";
        }

        if (PageSize is < 1 or > 1000 || CdcMaxObjects is < 1 or > 1000 || MaxConcurrentPerRealm is < 1 or > 10 || MaxRequestsPerMinute is < 1 or > 500 || ThrottleWaitSeconds < 0 || MaxThrottleRetries < 0)
        {
            yield return "QuickBooks: PageSize 1-1000, CdcMaxObjects 1-1000, MaxConcurrentPerRealm 1-10, MaxRequestsPerMinute 1-500, ThrottleWaitSeconds and MaxThrottleRetries not negative.";
        }
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"QuickBooks(api {ApiBaseUrl}, minorversion {MinorVersion}, client id {(ClientId.Length > 0 ? "set" : "missing")})";
}

/// <summary>An item setting's configuration key (for errors) and the item's name or Id it holds ("" when not set).</summary>
public sealed record QuickBooksItemSetting(string Key, string Name)
{
    public bool IsSet => Name.Length > 0;
}
