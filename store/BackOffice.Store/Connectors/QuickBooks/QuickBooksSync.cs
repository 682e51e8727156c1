using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Reads a tenant's QuickBooks books into the canonical ledger tables (issue 13): first by the query endpoint in pages
/// of up to 1,000 (STARTPOSITION/MAXRESULTS, qbo.md section 3) with a saved cursor per entity, then by change data
/// capture since the last sync (qbo.md section 4: at most 30 days back; older than that, a full resync, said so).
/// </summary>
public sealed partial class QuickBooksSync(QuickBooksApi api, QuickBooksOptions options, TimeProvider clock)
{
    private const string ChangedSinceKey = "changed_since";

    public async Task<SyncReport> SyncAsync(TenantData tenant, bool full, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var connection = await tenant.QuickBooks.CurrentAsync(cancellationToken)
                         ?? throw new QuickBooksNotConnectedException($"Tenant {tenant.Tenant} has no QuickBooks connection: run `backoffice connect quickbooks --tenant {tenant.Tenant}`.");
        var started = clock.GetUtcNow();
        var requests = api.Requests;
        var watch = Stopwatch.StartNew();
        try
        {
            var since = await tenant.QuickBooksSync.StateAsync(ChangedSinceKey, cancellationToken) is { } text ? StoreTime.Parse(text) : (DateTimeOffset?)null;
            // Issue 16: once, before this sync's batches, documents synced before migration 1681 get the term that dated them.
            if (await tenant.QuickBooksSync.StateAsync(QuickBooksDueTermBackfill.StateKey, cancellationToken) is null
                && await tenant.QuickBooksSync.BackfillDueTermsAsync(cancellationToken) is > 0 and var backfilled)
            {
                progress?.Report($"Terms: {backfilled} documents synced before due terms were recorded now re-date with their term");
            }

            var (mode, counts) = since is null || full
                ? ("full", await FullAsync(tenant, full, progress, cancellationToken))
                : since < started.AddDays(-30)
                    ? ("full (the last sync is more than 30 days ago, past what change data capture reaches)", await FullAsync(tenant, true, progress, cancellationToken))
                    : ("changes since " + since.Value.ToString("u", CultureInfo.InvariantCulture), await ChangesAsync(tenant, since.Value, progress, cancellationToken));
            await RemapRetainageAsync(tenant, progress, cancellationToken);

            await tenant.QuickBooksSync.SetStateAsync(ChangedSinceKey, StoreTime.ToText(started), cancellationToken);
            await tenant.QuickBooks.RecordSyncAsync(connection.RealmId, StoreTime.ToText(clock.GetUtcNow()), null, cancellationToken);
            return new SyncReport(mode, counts, api.Requests - requests, watch.Elapsed);
        }
        catch (Exception ex) when (ex is QuickBooksFaultException or QuickBooksResponseException or QuickBooksReconnectException or QuickBooksMappingException or HttpRequestException)
        {
            await tenant.QuickBooks.RecordSyncAsync(connection.RealmId, null, ex.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The full sync that stopped part way, if any (issue 13), described with this tenant's page size.</summary>
    public Task<SyncIncomplete?> IncompleteAsync(TenantData tenant, CancellationToken cancellationToken) =>
        tenant.QuickBooksSync.IncompleteAsync(options.PageSize, cancellationToken);

    private async Task<Dictionary<string, SyncCounts>> FullAsync(TenantData tenant, bool restart, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (restart)
        {
            await tenant.QuickBooksSync.ResetCursorsAsync(cancellationToken);
        }

        // Issue 13: a pass that stops part way says since when the books are partly synced; a resumed pass keeps that time.
        if (await tenant.QuickBooksSync.StateAsync(SyncIncomplete.StartedKey, cancellationToken) is null)
        {
            await tenant.QuickBooksSync.SetStateAsync(SyncIncomplete.StartedKey, StoreTime.ToText(clock.GetUtcNow()), cancellationToken);
        }

        var cursors = await tenant.QuickBooksSync.CursorsAsync(cancellationToken);
        var counts = new Dictionary<string, SyncCounts>(StringComparer.Ordinal);
        foreach (var entity in QuickBooksSyncStore.Entities)
        {
            var cursor = cursors.GetValueOrDefault(entity) ?? new SyncCursor(entity, 1, false);
            counts[entity] = await PagesAsync(tenant, cursor, saveCursor: true, null, progress, cancellationToken);
        }

        // The pass is complete: the next full sync starts from the first page again.
        await tenant.QuickBooksSync.ResetCursorsAsync(cancellationToken);
        return counts;
    }

    /// <summary>Reads an entity page by page from <paramref name="cursor"/>; <paramref name="seen"/> collects the Ids read.</summary>
    private async Task<SyncCounts> PagesAsync(
        TenantData tenant, SyncCursor cursor, bool saveCursor, ISet<string>? seen, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var counts = SyncCounts.Zero;
        while (!cursor.Done)
        {
            var sql = $"SELECT * FROM {cursor.Entity}{QuickBooksLedgerRows.AllOf(cursor.Entity)} STARTPOSITION {cursor.NextPosition} MAXRESULTS {options.PageSize}";
            var page = await api.QueryAsync(tenant, sql, cancellationToken);
            var items = Items(page, cursor.Entity);
            cursor = new SyncCursor(cursor.Entity, cursor.NextPosition + items.Count, items.Count < options.PageSize);
            counts = counts.Plus(await tenant.QuickBooksSync.ApplyAsync(cursor.Entity, items, saveCursor ? cursor : null, RetainageItem(tenant), cancellationToken));
            seen?.UnionWith(items.Select(i => i["Id"]?.ToString() ?? ""));
            progress?.Report($"{cursor.Entity}: {counts.Read} read");
        }

        return counts;
    }

    /// <summary>
    /// Issue 16: invoices synced before the retainage item was set, changed or removed are mapped for the current one:
    /// from what is stored where the stored lines carry the item, else read again by id (only those invoices).
    /// </summary>
    private async Task RemapRetainageAsync(TenantData tenant, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var setting = RetainageItem(tenant);
        var reread = new List<JsonObject>();
        foreach (var id in await tenant.QuickBooksSync.RetainageRereadIdsAsync(setting, cancellationToken))
        {
            // An id QuickBooks no longer has (610) is removed, as a webhook's read removes it.
            reread.Add(await api.ReadAsync(tenant, "Invoice", id, cancellationToken) ?? new JsonObject { ["Id"] = id, ["status"] = "Deleted" });
        }

        if (await tenant.QuickBooksSync.RemapRetainageAsync(setting, reread, cancellationToken) is > 0 and var remapped)
        {
            var item = setting.IsSet ? $"the retainage item {setting.Name}" : "no retainage item";
            progress?.Report($"Invoice: {remapped} already synced mapped for {item} ({reread.Count} read again)");
        }
    }

    /// <summary>Issue 16: which invoice lines are retainage, as the tenant's owner invoices are written.</summary>
    private QuickBooksItemSetting RetainageItem(TenantData tenant) => options.ItemSetting(tenant.Tenant, "RetainageItem");

    /// <summary>The entity array of a QueryResponse; an empty response is <c>{}</c> with no key (qbo.md section 3).</summary>
    private static List<JsonObject> Items(JsonObject response, string entity) => response[entity] switch
    {
        null => [],
        JsonArray array => array.Select(i => i as JsonObject ?? throw new QuickBooksResponseException($"QuickBooks {entity}: an element is not an object.")).ToList(),
        _ => throw new QuickBooksResponseException($"QuickBooks {entity}: '{entity}' is not an array."),
    };
}
