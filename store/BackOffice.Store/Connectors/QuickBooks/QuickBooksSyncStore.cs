using System.Data.Common;
using BackOffice.Store.Sqlite;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>A full sync's place in one entity: the next STARTPOSITION, or done.</summary>
public sealed record SyncCursor(string Entity, long NextPosition, bool Done);

/// <summary>
/// Applies QuickBooks batches to the canonical ledger tables, each batch with its cursor in one write unit (issue 13):
/// a sweep sees the books as of the last completed batch, and an interrupted sync resumes from the saved cursor.
/// </summary>
public sealed class QuickBooksSyncStore(TenantData tenant)
{
    private readonly ConnectorSyncState _state = new(tenant, "quickbooks_sync_state");

    /// <summary>The entities a sync reads, in the order they are applied (names before the transactions that use them).</summary>
    public static IReadOnlyList<string> Entities => QuickBooksLedgerRows.Entities;

    /// <summary>
    /// Applies one page or CDC group of an entity other than Invoice (or Invoice deletions) and, with it, the cursor;
    /// all or nothing (<see cref="SyncBatch"/>).
    /// </summary>
    public Task<SyncCounts> ApplyAsync(string entity, IReadOnlyList<JsonObject> items, SyncCursor? cursor, CancellationToken cancellationToken) =>
        entity == "Invoice" && items.Any(i => i["status"]?.ToString() != "Deleted")
            ? throw new ArgumentException("Invoices are applied with the tenant's RetainageItem setting, which says which lines are retainage (issue 16).", nameof(entity))
            : ApplyAsync(entity, items, cursor, null, cancellationToken);

    /// <param name="retainageItem">
    /// Issue 16: the tenant's RetainageItem setting. An invoice line on that item is retainage, not work: a negative one
    /// withheld, a positive one released, so an owner invoice we wrote reads back with the figures it was written with.
    /// </param>
    public Task<SyncCounts> ApplyAsync(
        string entity, IReadOnlyList<JsonObject> items, SyncCursor? cursor, QuickBooksItemSetting? retainageItem, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, (connection, transaction) =>
            ApplyBatchAsync(connection, transaction, new Batch(entity, items, cursor, retainageItem, tenant.Tenant), tenant.Clock.GetUtcNow(), cancellationToken), cancellationToken);

    private sealed record Batch(string Entity, IReadOnlyList<JsonObject> Items, SyncCursor? Cursor, QuickBooksItemSetting? RetainageItem, string Tenant);

    private static async Task<SyncCounts> ApplyBatchAsync(DbConnection connection,
        DbTransaction transaction, Batch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (entity, items, cursor, _, _) = batch;
        var unit = DataUnit.Over(connection, transaction);
        int added = 0, changed = 0, deleted = 0;
        var touched = new HashSet<ChangedEntity>();
        var retainageItemId = await QuickBooksRetainageLines.ItemIdAsync(unit.Connection, unit.Transaction!, batch.RetainageItem, batch.Tenant, entity, items, cancellationToken);
        foreach (var item in items)
        {
            switch (await QuickBooksLedgerRows.ApplyAsync(unit.Connection, unit.Transaction!, entity, item, touched, retainageItemId, cancellationToken))
            {
                case SyncOutcome.Added: added++; break;
                case SyncOutcome.Changed: changed++; break;
                case SyncOutcome.Deleted: deleted++; break;
            }
        }

        if (cursor is not null)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO quickbooks_sync_cursors (entity, next_position, done) VALUES (@Entity, @NextPosition, @Done)
                ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "entity")}) DO UPDATE SET next_position = excluded.next_position, done = excluded.done
                """, CursorRow(cursor), unit.Transaction, cancellationToken: cancellationToken));
            // Issue 13: when the last page of a full pass landed, for "sync incomplete ... last page at" if it stops.
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO quickbooks_sync_state (key, value) VALUES (@Key, @Value)
                ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "key")}) DO UPDATE SET value = excluded.value
                """, new { Key = SyncIncomplete.LastPageKey, Value = StoreTime.ToText(now) }, unit.Transaction, cancellationToken: cancellationToken));
        }

        // Issue 18: what the batch touched commits with it, as the batch's rows do.
        await ChangeJournalStore.RecordAsync(touched, "quickbooks:sync", now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            unit.Connection, unit.Transaction!, cancellationToken);
        return new SyncCounts(items.Count, added, changed, deleted);
    }

    /// <summary>
    /// Issue 16: when the tenant's retainage item is not the one the stored invoices were mapped with, applies the
    /// invoices read again (<see cref="RetainageRereadIdsAsync"/>) with the new item and maps the stored lines on it as a
    /// fresh sync would (<see cref="QuickBooksRetainageRemap"/>), journaled, in one write unit; returns how many
    /// invoices changed.
    /// </summary>
    public Task<int> RemapRetainageAsync(QuickBooksItemSetting retainageItem, IReadOnlyList<JsonObject> reread, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, async (connection, transaction) =>
        {
            var touched = new HashSet<ChangedEntity>();
            var moved = await QuickBooksRetainageRemap.RunAsync(connection, transaction, retainageItem, tenant.Tenant, reread, touched, cancellationToken);
            await ChangeJournalStore.RecordAsync(touched, "quickbooks:retainage-item", tenant.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                connection, transaction, cancellationToken);
            return moved;
        }, cancellationToken);

    /// <summary>
    /// Issue 16: records the term that dated each document synced before migration 1681, once per tenant
    /// (<see cref="QuickBooksDueTermBackfill"/>); returns how many documents got their term.
    /// </summary>
    public Task<int> BackfillDueTermsAsync(CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, (connection, transaction) => QuickBooksDueTermBackfill.RunAsync(connection, transaction, cancellationToken), cancellationToken);

    /// <summary>
    /// Issue 16: the stored invoices mapped for a retainage item the setting no longer names, which only QuickBooks
    /// can map back (their stored lines no longer carry the item); none when the item is unchanged.
    /// </summary>
    public Task<IReadOnlyList<string>> RetainageRereadIdsAsync(QuickBooksItemSetting retainageItem, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, (connection, transaction) =>
            QuickBooksRetainageRemap.RereadIdsAsync(connection, transaction, retainageItem, tenant.Tenant, cancellationToken), cancellationToken);

    /// <summary>The cursor as its row holds it: done as 0 or 1 (issue 18: a bool is a PostgreSQL boolean, refused by the bigint column).</summary>
    private static object CursorRow(SyncCursor cursor) => new { cursor.Entity, cursor.NextPosition, Done = cursor.Done ? 1L : 0L };

    public async Task<IReadOnlyDictionary<string, SyncCursor>> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Entity, long Next, long Done)>(new CommandDefinition(
            "SELECT entity, next_position, done FROM quickbooks_sync_cursors", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Entity, r => new SyncCursor(r.Entity, r.Next, r.Done != 0), StringComparer.Ordinal);
    }

    /// <summary>The Ids of the rows of an entity that came from QuickBooks (issue 13: what a capped CDC answer is checked against).</summary>
    public async Task<IReadOnlyList<string>> HeldIdsAsync(string entity, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT id FROM {QuickBooksLedgerRows.TableOf(entity)} WHERE origin = 'quickbooks'", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The LastUpdatedTime of the row QuickBooks gave us for (entity, id), or null when none is held (issue 13: a
    /// webhook naming an older version than this is skipped).
    /// </summary>
    public async Task<string?> HeldUpdatedAtAsync(string entity, string id, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT source_updated_at FROM {QuickBooksLedgerRows.TableOf(entity)} WHERE id = @id AND origin = 'quickbooks'", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets where a full sync stood, so the next one starts from the first page.</summary>
    public async Task ResetCursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quickbooks_sync_cursors; DELETE FROM quickbooks_sync_state WHERE key IN ('changed_since', @Started, @LastPage)",
            new { Started = SyncIncomplete.StartedKey, LastPage = SyncIncomplete.LastPageKey }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>A full sync that started and has not completed (issue 13), or null when the books are whole.</summary>
    public async Task<SyncIncomplete?> IncompleteAsync(int pageSize, CancellationToken cancellationToken)
    {
        var started = await StateAsync(SyncIncomplete.StartedKey, cancellationToken);
        return started is null ? null
            : SyncIncomplete.From(await CursorsAsync(cancellationToken), started, await StateAsync(SyncIncomplete.LastPageKey, cancellationToken), pageSize);
    }

    public Task<string?> StateAsync(string key, CancellationToken cancellationToken) => _state.GetAsync(key, cancellationToken);

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) => _state.SetAsync(key, value, cancellationToken);
}
