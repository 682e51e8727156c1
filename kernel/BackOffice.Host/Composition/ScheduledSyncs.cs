using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Host.Composition;

/// <summary>`serve`'s scheduled syncs (issue 14): `Sync:Schedules` validated at start, each system's sync, and the scheduler.</summary>
public static class ScheduledSyncs
{
    public static void AddScheduledSyncs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncScheduleOptions>().Bind(builder.Configuration.GetSection(SyncScheduleOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "Sync:Schedules has an entry with an empty tenant, an unknown source or an invalid cron (Quartz format)")
            .ValidateOnStart();
        builder.Services.AddSingleton<IScheduledSync, QuickBooksScheduledSync>();
        builder.Services.AddSingleton<IScheduledSync, ProcoreScheduledSync>();
    }

    private sealed class QuickBooksScheduledSync(QuickBooksSync sync) : IScheduledSync
    {
        public string Source => "quickbooks";

        public Task<SyncReport> SyncAsync(TenantData tenant, CancellationToken cancellationToken) => sync.SyncAsync(tenant, false, null, cancellationToken);
    }

    private sealed class ProcoreScheduledSync(ProcoreSync sync) : IScheduledSync
    {
        public string Source => "procore";

        public Task<SyncReport> SyncAsync(TenantData tenant, CancellationToken cancellationToken) => sync.SyncAsync(tenant, false, null, cancellationToken);
    }
}
