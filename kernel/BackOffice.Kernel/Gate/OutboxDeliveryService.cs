using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using BackOffice.Kernel.Hosting;

namespace BackOffice.Kernel.Gate;

/// <summary>
/// The outbox's runner in `serve` (issue 5): every Outbox:PollSeconds it delivers what is due in every tenant's
/// outbox. One tenant's failure is logged and does not stop the others.
/// </summary>
public sealed partial class OutboxDeliveryService(
    TenantRegistry tenants, TenantDataSource data, OutboxOptions options, TimeProvider clock, ILogger<OutboxDeliveryService> logger) : PollingService(logger)
{
    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.PollSeconds);

    protected override Task TickAsync(CancellationToken stoppingToken) => DeliverAllAsync(stoppingToken);

    /// <summary>One pass over every tenant; returns how many messages left.</summary>
    public async Task<int> DeliverAllAsync(CancellationToken cancellationToken)
    {
        var delivery = new OutboxDelivery(options, clock);
        var total = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            OutboxDeliveryResult result;
            try
            {
                result = await delivery.DeliverDueAsync(data.For(tenant.Id), cancellationToken);
            }
            catch (BackOffice.Store.Sqlite.TenantBusyException e)
            {
                // Issue 17: an import or sweep holding one tenant's database must not hold up the other tenants' mail.
                LogBusy(tenant.Id, e);
                continue;
            }

            total += result.Delivered;
            foreach (var key in result.Failed)
            {
                LogFailed(tenant.Id, key);
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery skipped tenant {Tenant} this pass: it is busy")]
    private partial void LogBusy(string tenant, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery failed for tenant {Tenant}, message {Key}; retried when its claim expires")]
    private partial void LogFailed(string tenant, string key);
}
