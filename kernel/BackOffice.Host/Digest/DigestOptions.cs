using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace BackOffice.Host.Digest;

/// <summary>
/// The approvers' daily digest (issue 17), appsettings.json section "Console:Digest". Off unless <see cref="Enabled"/>;
/// sent by `serve` once a day at <see cref="Time"/> in each tenant's console time zone (Console:TimeZone, or
/// Console:Tenants:NAME:TimeZone), or at Tenants:NAME:Time. People have no address in the user directory, so each
/// recipient's address is configured under Emails:USER; an approver without one gets no digest (logged).
/// </summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string SectionName = "Console:Digest";

    public bool Enabled { get; set; }

    /// <summary>Local time of day, HH:mm.</summary>
    public string Time { get; set; } = "07:00";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>The console's address for links in the message (e.g. https://backoffice.example.com); none when empty.</summary>
    public string ConsoleUrl { get; set; } = "";

    public Dictionary<string, string> Emails { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, TenantDigestOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeOnly TimeFor(string tenant) =>
        Parse(Tenants.TryGetValue(tenant, out var t) && !string.IsNullOrWhiteSpace(t.Time) ? t.Time : Time) ?? new TimeOnly(7, 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, time) in Tenants.Select(t => (t.Key, t.Value.Time)).Prepend(("default", Time)))
        {
            if (!string.IsNullOrWhiteSpace(time) && Parse(time) is null)
            {
                yield return new ValidationResult($"{SectionName}: time '{time}' ({name}) is not a time of day (HH:mm).", [nameof(Time)]);
            }
        }

        foreach (var (user, address) in Emails.Where(e => !MimeKit.MailboxAddress.TryParse(e.Value, out _)))
        {
            yield return new ValidationResult($"{SectionName}:Emails:{user}: '{address}' is not an email address.", [nameof(Emails)]);
        }
    }

    private static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

public sealed class TenantDigestOptions
{
    public string? Time { get; set; }
}
