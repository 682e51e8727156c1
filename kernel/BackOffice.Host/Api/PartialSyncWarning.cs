using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 13: a report built on books whose QuickBooks sync stopped part way carries a plain warning (the CLI, the
/// console's report page and the reports API alike) until the next sync completes; null when the books are whole.
/// Its times are in the tenant's time zone: as the console shows times, or (the API) ISO 8601 with the zone's offset.
/// </summary>
public static class PartialSyncWarning
{
    public static Task<string?> ForAsync(IServiceProvider services, TenantData data, CancellationToken ct) =>
        ForAsync(services, data, ApprovalConsole.TenantZone.Shown(ApprovalConsole.TenantZone.For(services, data.Tenant)), ct);

    public static async Task<string?> ForAsync(IServiceProvider services, TenantData data, Func<string, string> time, CancellationToken ct) =>
        services.GetService<QuickBooksSync>() is { } sync && await sync.IncompleteAsync(data, ct) is { } incomplete
            ? incomplete.ReportWarning(time)
            : null;
}
