using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 13: the tenant's time zone (<see cref="ConsoleOptions.ZoneFor"/>) where the console's options are not bound,
/// as on the command line: read from the same configuration section, so the CLI shows times as the console does.
/// </summary>
public static class TenantZone
{
    public static TimeZoneInfo For(IServiceProvider services, string tenant) =>
        (services.GetService<IConfiguration>()?.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions()).ZoneFor(tenant);
}
