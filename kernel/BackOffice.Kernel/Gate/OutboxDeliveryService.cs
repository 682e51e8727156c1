using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Kernel.Gate;

/// <summary>
/// The outbox's runner in `serve` (issue 5): every Outbox:PollSeconds it delivers what is due in every tenant's
/// outbox. One tenant's failure is logged and does not stop the others.
/// </summary>
public sealed partial class OutboxDeliveryService(
    TenantRegistry tenants, TenantDataSource data, OutboxOptions options, TimeProvider clock, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await DeliverAllAsync(stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), clock, stoppingToken);
        }
    }

    /// <summary>One pass over every tenant; returns how many messages left.</summary>
    public async Task<int> DeliverAllAsync(CancellationToken cancellationToken)
    {
        var delivery = new OutboxDelivery(options, clock);
        var total = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var result = await delivery.DeliverDueAsync(data.For(tenant.Id), cancellationToken);
            total += result.Delivered;
            foreach (var key in result.Failed)
            {
                LogFailed(tenant.Id, key);
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery failed for tenant {Tenant}, message {Key}; retried when its claim expires")]
    private partial void LogFailed(string tenant, string key);
}
