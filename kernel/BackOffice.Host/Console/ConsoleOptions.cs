using System.ComponentModel.DataAnnotations;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// How the console shows things (issue 17): the time zone timestamps are shown in (a tenant may override it under
/// <c>Console:Tenants:NAME:TimeZone</c>) and the page size of every list. The product has no tenant time-zone setting
/// yet, so the default is America/Los_Angeles, as the issue allows.
/// </summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string SectionName = "Console";

    [Required]
    public string TimeZone { get; set; } = "America/Los_Angeles";

    [Range(10, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// The console's address as the browser reaches it (issues 13 and 14): the Connect buttons send the provider
    /// BaseUrl + /console/connections/SOURCE/callback as the redirect URI, which must be registered with Intuit and
    /// Procore exactly so. Unset, the buttons say so instead of guessing from the request's Host header.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a console sign-in to QuickBooks or Procore may take before its state expires.</summary>
    [Range(1, 60)]
    public int ConnectMinutes { get; set; } = 10;

    /// <summary>The largest export file the console's import page takes (issue 14); a larger one is refused with a plain error.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long ImportMaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How long an uploaded export file waits between preview and confirm before it is deleted.</summary>
    [Range(1, 24 * 60)]
    public int ImportKeepMinutes { get; set; } = 60;

    /// <summary>
    /// Issue 17: every this many seconds, the report tables last viewed are recomputed in the background if their data
    /// changed, so the first view after a write finds them ready (<see cref="ReportWarmer"/>); 0 turns it off.
    /// </summary>
    [Range(0, 3600)]
    public int WarmSeconds { get; set; } = 2;

    public Dictionary<string, TenantConsoleOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeZoneInfo ZoneFor(string tenant) =>
        TimeZoneInfo.FindSystemTimeZoneById(Tenants.TryGetValue(tenant, out var t) && !string.IsNullOrWhiteSpace(t.TimeZone) ? t.TimeZone : TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult($"Console:BaseUrl '{BaseUrl}' is not an absolute http(s) URL.", [nameof(BaseUrl)]);
        }

        foreach (var (name, zone) in Tenants.Select(t => (t.Key, t.Value.TimeZone)).Prepend(("default", TimeZone)))
        {
            if (!string.IsNullOrWhiteSpace(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                yield return new ValidationResult($"Console time zone '{zone}' ({name}) is not a known IANA time zone.", [nameof(TimeZone)]);
            }
        }
    }
}

public sealed class TenantConsoleOptions
{
    public string? TimeZone { get; set; }
}
