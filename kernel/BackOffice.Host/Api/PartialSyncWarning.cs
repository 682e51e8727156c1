using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Api;

/// <summary>
/// Issue 13: a report built on books whose QuickBooks sync stopped part way carries a plain warning (the CLI, the
/// console's report page and the reports API alike) until the next sync completes; null when the books are whole.
/// </summary>
public static class PartialSyncWarning
{
    public static async Task<string?> ForAsync(IServiceProvider services, TenantData data, CancellationToken ct) =>
        services.GetService<QuickBooksSync>() is { } sync && await sync.IncompleteAsync(data, ct) is { } incomplete
            ? incomplete.ReportWarning()
            : null;
}
