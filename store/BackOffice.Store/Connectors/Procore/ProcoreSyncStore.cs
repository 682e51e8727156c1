using System.Text.Json.Nodes;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>A full sync's place in one list (a resource of the company or of one project): the next page, or done.</summary>
public sealed record ProcoreCursor(string Scope, long NextPage, bool Done);

/// <summary>Where the lines of one parent record live: their table, the column naming the parent, and our id prefix.</summary>
public sealed record ProcoreLines(string Table, string ParentColumn, string Prefix);

/// <summary>
/// Applies Procore pages to the canonical project tables, each page with its cursor in one write unit (issue 14): a
/// sweep sees the books as of the last completed page, and an interrupted sync resumes from the saved cursor.
/// </summary>
public sealed class ProcoreSyncStore(TenantData tenant)
{
    /// <summary>Where the next changes-only pass starts: the start of the last completed pass.</summary>
    public const string UpdatedSinceKey = "updated_since";

    /// <summary>Issue 14: the watermark a `--full` pass replaced, the start of its package range until a pass completes.</summary>
    public const string PackagesSinceKey = "packages_since";

    private readonly ConnectorSyncState _state = new(tenant, "procore_sync_state");

    public Task<SyncCounts> ApplyAsync(string kind, IReadOnlyList<JsonObject> items, ProcoreScope scope, ProcoreCursor? cursor, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, async (connection, transaction) =>
        {
            var counts = SyncCounts.Zero;
            foreach (var item in items)
            {
                counts = counts.Plus(await ProcoreRows.ApplyAsync(connection, transaction, kind, item, scope, cancellationToken));
            }

            if (cursor is not null)
            {
                // Issue 18: done as 0 or 1; a bool parameter is a PostgreSQL boolean, which the bigint column refuses.
                await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    INSERT INTO procore_sync_cursors (scope, next_page, done) VALUES (@Scope, @NextPage, @Done)
                    ON CONFLICT ({StoreSql.ConflictOn(connection, "scope")}) DO UPDATE SET next_page = excluded.next_page, done = excluded.done
                    """, new { cursor.Scope, cursor.NextPage, Done = cursor.Done ? 1L : 0L }, transaction, cancellationToken: cancellationToken));
            }

            // Issue 18: what the page touched commits with it, as QuickBooks' batches do.
            await ChangeJournalStore.RecordAsync(ProcoreUpsert.TakeTouched(transaction), "procore:sync",
                tenant.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                connection, transaction, cancellationToken);
            return counts;
        }, cancellationToken);

    /// <summary>
    /// Applies the lines of one parent record (a change order package's line items) and removes the parent's Procore
    /// lines no longer listed, in one write unit; rows of another origin are never touched (issue 14).
    /// </summary>
    public Task<SyncCounts> ReplaceLinesAsync(
        string kind, ProcoreLines lines, IReadOnlyList<JsonObject> items, ProcoreScope scope, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, async (connection, transaction) =>
        {
            var counts = SyncCounts.Zero;
            foreach (var item in items)
            {
                counts = counts.Plus(await ProcoreRows.ApplyAsync(connection, transaction, kind, item, scope, cancellationToken));
            }

            var keep = items.Select(i => lines.Prefix + ProcoreJson.Of(i, "id")).ToList();
            var removed = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {lines.Table} WHERE {lines.ParentColumn} = @parent AND origin = 'procore' AND NOT {StoreSql.InJson(connection, "id", "@keep")}",
                new { parent = scope.ParentId, keep = System.Text.Json.JsonSerializer.Serialize(keep) }, transaction, cancellationToken: cancellationToken));
            return counts.Plus(new SyncCounts(0, 0, 0, removed));
        }, cancellationToken);

    /// <summary>
    /// After a list was read whole from its first page: closes or removes the Procore rows it covers and no longer lists
    /// (issue 14: a record deleted in Procore), journaled, in one write unit. Answers how many rows it closed or removed.
    /// </summary>
    internal Task<int> RemoveAbsentAsync(ProcoreRemoval removal, string? job, string? parent, IReadOnlyCollection<string> listed, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, (connection, transaction) => removal.ApplyAsync(
            connection, transaction, removal.AbsentWhere(connection), ProcoreRemoval.Absent(job, parent, listed), job, tenant.Clock.GetUtcNow(), cancellationToken), cancellationToken);

    /// <summary>Closes or removes our row of one record Procore says is gone (a delete webhook confirmed by a 404).</summary>
    internal Task<int> RemoveAsync(ProcoreRemoval removal, string id, string? job, CancellationToken cancellationToken) =>
        SyncBatch.RunAsync(tenant, (connection, transaction) => removal.ApplyAsync(
            connection, transaction, "id = @id", new { id }, job, tenant.Clock.GetUtcNow(), cancellationToken), cancellationToken);

    /// <summary>The stored row digests of Procore records of a table, by Procore id (source_id), to skip reading unchanged detail.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HeldHashesAsync(string table, IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Source, string Hash)>(new CommandDefinition(
            $"SELECT source_id, row_hash FROM {table} WHERE origin = 'procore' AND {StoreSql.InJson(unit.Connection, "source_id", "@ids")}",
            new { ids = System.Text.Json.JsonSerializer.Serialize(sourceIds) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Source, r => r.Hash, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, ProcoreCursor>> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Scope, long Next, long Done)>(new CommandDefinition(
            "SELECT scope, next_page, done FROM procore_sync_cursors", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Scope, r => new ProcoreCursor(r.Scope, r.Next, r.Done != 0), StringComparer.Ordinal);
    }

    /// <summary>The Procore ids of the vendors that hold an open (approved or pending) commitment: whose insurance matters now.</summary>
    public async Task<IReadOnlyList<string>> OpenCommitmentVendorIdsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT v.source_id FROM project_commitments c JOIN project_vendors v ON v.id = c.vendor_id
            WHERE c.status IN ('approved', 'pending') AND v.origin = 'procore' AND v.source_id IS NOT NULL ORDER BY v.source_id
            """, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The Procore ids of the projects synced so far (our jobs of origin 'procore').</summary>
    public async Task<IReadOnlyList<string>> ProjectIdsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT source_id FROM project_jobs WHERE origin = 'procore' ORDER BY CAST(source_id AS INTEGER)", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Starts a `--full` pass (issue 14): forgets the cursors and the incremental watermark, which is kept as the start of
    /// the package range (<see cref="PackagesSinceKey"/>) until a pass completes. A full pass that is interrupted and
    /// resumed (by `sync`, or `sync --full` again) still asks the change order packages list for the packages edited since
    /// the sync before it; a second `--full` before any pass completed keeps the range the first one saved.
    /// </summary>
    public async Task StartFullAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        foreach (var sql in new[]
        {
            "DELETE FROM procore_sync_cursors",
            $"DELETE FROM procore_sync_state WHERE key = '{PackagesSinceKey}' AND EXISTS (SELECT 1 FROM procore_sync_state WHERE key = '{UpdatedSinceKey}')",
            $"UPDATE procore_sync_state SET key = '{PackagesSinceKey}' WHERE key = '{UpdatedSinceKey}'",
        })
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(sql, transaction: unit.Transaction, cancellationToken: cancellationToken));
        }

        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Ends a completed pass in one unit: no cursors, no package range held over, the next pass's watermark.</summary>
    public async Task CompletePassAsync(string updatedSince, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM procore_sync_cursors; DELETE FROM procore_sync_state WHERE key = '{PackagesSinceKey}'",
            transaction: unit.Transaction, cancellationToken: cancellationToken));
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO procore_sync_state (key, value) VALUES (@key, @value) ON CONFLICT ({unit.ConflictOn("key")}) DO UPDATE SET value = excluded.value",
            new { key = UpdatedSinceKey, value = updatedSince }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    public Task<string?> StateAsync(string key, CancellationToken cancellationToken) => _state.GetAsync(key, cancellationToken);

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) => _state.SetAsync(key, value, cancellationToken);
}
