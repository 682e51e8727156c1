using System.Globalization;
using BackOffice.Store.Connectors.Keys;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Events;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;
using Outcomes = BackOffice.Store.Connectors.QuickBooks.QuickBooksWebhookEventStore;

namespace BackOffice.Host.Webhooks;

/// <summary>
/// Issue 13: what the event processor does with a tenant's pending QuickBooks deliveries before their sweep, and the
/// per-operation log of it (<see cref="QuickBooksWebhookEventStore"/>). When the tenant is connected, the entities the
/// deliveries name are read by id (<see cref="QuickBooksChangeFetch"/>); a delivery that names none, a company never
/// synced, or a Merge gets one change-data-capture sync; a read that fails fails every delivery of the pass with the
/// reason, and the processor then sweeps for none of them.
/// </summary>
public sealed partial class QuickBooksEventFetch(QuickBooksSync sync, QuickBooksChangeFetch changes, TimeProvider clock, ILogger<QuickBooksEventFetch> logger)
{
    /// <summary>Null when the reads ran or the tenant has no connection (the sweep runs as before); else why they failed.</summary>
    public async Task<string?> RunAsync(TenantData tenant, IReadOnlyList<EventInbox.PendingRow> rows, CancellationToken ct)
    {
        if (await tenant.QuickBooks.CurrentAsync(ct) is not { } connection)
        {
            await RecordAsync(tenant, rows, "", _ => new(Outcomes.Skipped, "QuickBooks is not connected: nothing was read"), ct);
            return null;
        }

        try
        {
            var dated = rows.Select(r => QuickBooksWebhook.DatedChangeOf(r.PayloadJson)).ToList();
            var cdcOnly = connection.LastSyncAt is null || dated.Any(c => c is null);
            var outcome = cdcOnly ? null : await changes.ApplyAsync(tenant, dated.OfType<QuickBooksChange>().ToList(), ct);
            if (outcome is null || outcome.NeedsCdc)
            {
                await sync.SyncAsync(tenant, full: false, null, ct);
            }

            await RecordAsync(tenant, rows, connection.RealmId, row => outcome is null
                ? new(Outcomes.Fetched, "read by a change-data-capture sync")
                : WithCdc(outcome.For(QuickBooksWebhook.ChangeOf(row.PayloadJson)!), outcome.NeedsCdc), ct);
            return null;
        }
        catch (Exception ex) when (ex is QuickBooksFaultException or QuickBooksResponseException or QuickBooksReconnectException
                                       or QuickBooksNotConnectedException or HttpRequestException or ConnectorKeyException)
        {
            LogFailed(ex, tenant.Tenant);
            var error = $"QuickBooks could not be read: {ex.Message}";
            await RecordAsync(tenant, rows, connection.RealmId, _ => new(Outcomes.Failed, error), ct);
            return error;
        }
    }

    /// <summary>The log row of a delivery as it is received: pending, or skipped when no agent's sweep follows its entity.</summary>
    public static QuickBooksWebhookEvent Received(InboundEvent e, bool routed, DateTimeOffset at) =>
        Row(e.EventId, e.CompanyId, e.Entity, e.PayloadJson, StoreTime.ToText(at), routed
            ? new(Outcomes.Pending, null)
            : new(Outcomes.Skipped, $"no agent's sweep follows {e.Entity}: not fetched now; the next sync reads it"), null);

    private async Task RecordAsync(
        TenantData tenant, IReadOnlyList<EventInbox.PendingRow> rows, string realm, Func<EventInbox.PendingRow, QuickBooksChangeResult> result, CancellationToken ct)
    {
        var now = StoreTime.ToText(clock.GetUtcNow());
        foreach (var row in rows)
        {
            var received = DateTimeOffset.TryParse(row.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? StoreTime.ToText(at) : now;
            await tenant.QuickBooksWebhookEvents.RecordAsync(Row(row.EventId, realm, row.Entity, row.PayloadJson, received, result(row), now), ct);
        }
    }

    private static QuickBooksWebhookEvent Row(string eventId, string realm, string entity, string payload, string receivedAt, QuickBooksChangeResult result, string? processedAt)
    {
        var change = QuickBooksWebhook.ChangeOf(payload);
        return new QuickBooksWebhookEvent(eventId, realm, change?.Entity ?? entity, change?.Id ?? "", change?.Operation ?? "",
            QuickBooksWebhook.LastUpdatedText(payload), receivedAt, result.Outcome, result.Detail, processedAt);
    }

    private static QuickBooksChangeResult WithCdc(QuickBooksChangeResult result, bool cdc) =>
        cdc && result.Outcome == Outcomes.Merged ? result with { Detail = result.Detail + "; then a change-data-capture sync" } : result;

    [LoggerMessage(Level = LogLevel.Warning, Message = "QuickBooks changes named by webhooks for {Tenant} could not be read")]
    private partial void LogFailed(Exception ex, string tenant);
}
