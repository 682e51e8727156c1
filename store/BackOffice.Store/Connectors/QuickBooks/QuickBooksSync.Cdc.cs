using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Change data capture with its cap (issue 13). One CDC answer holds at most 1,000 objects and has no paging; deletion
/// stubs come after the changed objects ([Intuit CDC page]; qbo.md section 4), so a cut answer loses deletions first and
/// no later changedSince can bring back a deletion older than itself. An entity whose answer reaches the cap is therefore
/// read again in full by the query endpoint, and what we hold from QuickBooks that the query no longer returns is
/// deleted: no change and no deletion is lost.
/// </summary>
public sealed partial class QuickBooksSync
{
    private async Task<Dictionary<string, SyncCounts>> ChangesAsync(TenantData tenant, DateTimeOffset since, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // changedSince goes in whole seconds, so up to a second before the last sync is read again; rows whose SyncToken
        // we already hold count as read but unchanged, so the overlap costs nothing and loses nothing.
        var changes = await ChangedAsync(tenant, since, cancellationToken);
        var counts = new Dictionary<string, SyncCounts>(StringComparer.Ordinal);
        foreach (var entity in QuickBooksSyncStore.Entities)
        {
            var items = changes[entity];
            if (items.Count >= options.CdcMaxObjects)
            {
                progress?.Report($"{entity}: {items.Count} changes, as many as one answer holds; reading all of {entity} instead");
                counts[entity] = await ReconcileAsync(tenant, entity, progress, cancellationToken);
                continue;
            }

            counts[entity] = await tenant.QuickBooksSync.ApplyAsync(entity, items, null, RetainageItem(tenant), cancellationToken);
            progress?.Report($"{entity}: {items.Count} changed");
        }

        return counts;
    }

    /// <summary>
    /// One CDC request for every entity. Intuit's page words the cap per answer, so when the whole answer reaches it,
    /// each entity not already at the cap is asked again on its own: no entity is cut short for another's sake.
    /// </summary>
    private async Task<Dictionary<string, List<JsonObject>>> ChangedAsync(TenantData tenant, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var entities = QuickBooksSyncStore.Entities;
        var groups = await api.CdcAsync(tenant, entities, since, cancellationToken);
        var changes = entities.ToDictionary(e => e, e => CdcItems(groups, e), StringComparer.Ordinal);
        if (entities.Count == 1 || changes.Values.Sum(i => i.Count) < options.CdcMaxObjects)
        {
            return changes;
        }

        foreach (var entity in entities.Where(e => changes[e].Count < options.CdcMaxObjects))
        {
            changes[entity] = CdcItems(await api.CdcAsync(tenant, [entity], since, cancellationToken), entity);
        }

        return changes;
    }

    /// <summary>
    /// Reads a capped entity in full, page by page as the full sync does, then deletes the rows we hold from QuickBooks
    /// that the query no longer returns: the deletions the cut answer dropped. The held Ids are read before the query,
    /// so a bill our own writer adds meanwhile is never swept. Name lists (accounts, customers, vendors) are never
    /// deleted in QuickBooks, only made inactive (qbo.md section 6), so they are not swept.
    /// </summary>
    private async Task<SyncCounts> ReconcileAsync(TenantData tenant, string entity, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var held = await tenant.QuickBooksSync.HeldIdsAsync(entity, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = await PagesAsync(tenant, new SyncCursor(entity, 1, false), saveCursor: false, seen, progress, cancellationToken);
        if (QuickBooksLedgerRows.IsNameList(entity))
        {
            return counts;
        }

        var gone = held.Where(id => !seen.Contains(id)).Select(id => new JsonObject { ["Id"] = id, ["status"] = "Deleted" }).ToList();
        return gone.Count == 0 ? counts : counts.Plus(await tenant.QuickBooksSync.ApplyAsync(entity, gone, null, cancellationToken));
    }

    private static List<JsonObject> CdcItems(JsonArray groups, string entity) => groups.OfType<JsonObject>().SelectMany(g => Items(g, entity)).ToList();
}
