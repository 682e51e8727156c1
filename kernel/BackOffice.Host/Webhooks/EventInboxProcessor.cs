using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using BackOffice.Store.Events;
using BackOffice.Kernel.Hosting;

namespace BackOffice.Host.Webhooks;

/// <summary>
/// Drains each tenant's event inbox: all pending events of one agent become one incremental sweep of that agent
/// (a burst of deliveries costs one sweep, not one each). A sweep already running elsewhere leaves the events pending.
/// Issue 18: events are claimed before the sweep, so two hosts draining one inbox never sweep for the same events; a
/// host that dies mid-sweep leaves a claim that expires after <see cref="ClaimFor"/>, and another host takes it.
/// Procore deliveries are hints (issue 14): before the sweep, the resource each names is fetched from Procore, once per
/// resource however many deliveries name it; a hint that cannot be fetched fails its event and triggers no sweep.
/// QuickBooks deliveries (issue 13) are hints too: when the tenant is connected, the entities they name are read by id
/// (<see cref="QuickBooksEventFetch"/>, once each however many deliveries name them) before the sweep; a delivery that
/// names none, a company never synced, or a Merge gets one change-data-capture sync; a read that fails fails those
/// events and triggers no sweep. What was done with each operation is logged for `report quickbooks-events`.
/// </summary>
public sealed partial class EventInboxProcessor(
    TenantRegistry tenants, TenantDataSource data, EventInbox inbox, SweepRunner runner, ProcoreHints hints,
    QuickBooksEventFetch quickBooks, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<EventInboxProcessor> logger) : PollingService(logger)
{
    /// <summary>Longer than an event sweep takes, so a live host's claim never expires under it.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    private const int ClaimLimit = 1000;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task TickAsync(CancellationToken stoppingToken) => ProcessPendingAsync(stoppingToken);

    /// <summary>Runs the sweeps the pending events call for; returns how many sweeps ran. Public so tests drive it.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        var sweeps = 0;
        foreach (var tenant in await tenants.ListAsync(ct))
        {
            var path = data.For(tenant.Id);
            // Claimed first (issue 18), so only this host fetches the Procore hints (issue 14) of these events.
            var pending = await RefetchAsync(path, await inbox.ClaimPendingAsync(path, ClaimFor, ClaimLimit, ct), ct);
            foreach (var group in pending.GroupBy(p => p.Agent))
            {
                var ids = group.Select(p => p.Id).ToList();
                try
                {
                    await runner.RunAsync(tenant.Id, group.Key, await path.BooksDate.DefaultAsOfAsync(ct), "event", 1, SweepMode.Incremental, new Progress<string>(), ct);
                    await inbox.FinishAsync(path, ids, null, ct);
                    sweeps++;
                }
                catch (SweepBusyException)
                {
                    LogBusy(tenant.Id, group.Key);
                    await EventInbox.ReleaseAsync(path, ids, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex, tenant.Id, group.Key, ids.Count);
                    await inbox.FinishAsync(path, ids, ex.Message, ct);
                }
            }
        }

        return sweeps;
    }

    /// <summary>Fetches what the Procore hints name; returns the events still to sweep for (the others are marked failed).</summary>
    private async Task<List<EventInbox.PendingRow>> RefetchAsync(TenantData tenant, IReadOnlyList<EventInbox.PendingRow> pending, CancellationToken ct)
    {
        var kept = new List<EventInbox.PendingRow>();
        var fetched = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (pending.Any(p => p.Source == "quickbooks"))
        {
            fetched[QuickBooksTarget] = await quickBooks.RunAsync(tenant, pending.Where(p => p.Source == "quickbooks").ToList(), ct);
        }

        foreach (var row in pending)
        {
            var target = row.Source switch
            {
                "procore" => ProcoreHint.Parse(row.PayloadJson).Target,
                "quickbooks" => QuickBooksTarget,
                _ => null,
            };
            if (target is not null && !fetched.ContainsKey(target))
            {
                fetched[target] = await TryRefetchAsync(tenant, target, ct);
            }

            if (target is not null && fetched[target] is { } error)
            {
                await inbox.FinishAsync(tenant, [row.Id], error, ct);
                continue;
            }

            kept.Add(row);
        }

        return kept;
    }

    private async Task<string?> TryRefetchAsync(TenantData tenant, string target, CancellationToken ct)
    {
        try
        {
            await hints.RefetchAsync(tenant, target, ct);
            return null;
        }
        catch (Exception ex) when (ex is ProcoreApiException or ProcoreResponseException or ProcoreNotConnectedException
                                       or ProcoreReconnectException or ProcoreOAuthException or HttpRequestException)
        {
            LogRefetchFailed(ex, tenant.Tenant, target);
            return $"Procore {target} could not be fetched: {ex.Message}";
        }
    }

    private const string QuickBooksTarget = "quickbooks:cdc";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hint {Target} for {Tenant} could not be fetched")]
    private partial void LogRefetchFailed(Exception ex, string tenant, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Events for {Tenant}/{Agent} wait: a sweep is already running")]
    private partial void LogBusy(string tenant, string agent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event-triggered sweep {Tenant}/{Agent} failed for {Count} events")]
    private partial void LogFailed(Exception ex, string tenant, string agent, int count);
}
