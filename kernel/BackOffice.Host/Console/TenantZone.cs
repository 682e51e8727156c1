using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 13: the tenant's time zone (<see cref="ConsoleOptions.ZoneFor"/>) wherever the console's options are not bound,
/// as on the command line: read from the same configuration section, so the CLI, the console and the API agree.
/// </summary>
public static class TenantZone
{
    public static TimeZoneInfo For(IServiceProvider services, string tenant) =>
        (services.GetService<IConfiguration>()?.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions()).ZoneFor(tenant);

    /// <summary>A stored UTC instant as people read it in the zone, as the console shows times: "Nov 27, 2026 2:00 PM".</summary>
    public static Func<string, string> Shown(TimeZoneInfo zone) => instant => AccountingText.Timestamp(instant, zone);

    /// <summary>A stored UTC instant as ISO 8601 with the zone's offset, for API text: "2026-11-27T14:00:00-08:00".</summary>
    public static Func<string, string> Iso(TimeZoneInfo zone) => instant =>
        DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : instant;
}
