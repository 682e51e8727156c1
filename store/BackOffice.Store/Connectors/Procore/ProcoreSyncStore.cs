using System.Text.Json.Nodes;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>A full sync's place in one list (a resource of the company or of one project): the next page, or done.</summary>
public sealed record ProcoreCursor(string Scope, long NextPage, bool Done);

/// <summary>
/// Applies Procore pages to the canonical project tables, each page with its cursor in one write unit (issue 14): a
/// sweep sees the books as of the last completed page, and an interrupted sync resumes from the saved cursor.
/// </summary>
public sealed class ProcoreSyncStore(TenantData tenant)
{
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
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO procore_sync_cursors (scope, next_page, done) VALUES (@Scope, @NextPage, @Done)
                    ON CONFLICT (scope) DO UPDATE SET next_page = excluded.next_page, done = excluded.done
                    """, cursor, transaction, cancellationToken: cancellationToken));
            }

            // Issue 18: what the page touched commits with it, as QuickBooks' batches do.
            await ChangeJournalStore.RecordAsync(ProcoreUpsert.TakeTouched(transaction), "procore:sync",
                tenant.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                connection, transaction, cancellationToken);
            return counts;
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ProcoreCursor>> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Scope, long Next, long Done)>(new CommandDefinition(
            "SELECT scope, next_page, done FROM procore_sync_cursors", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Scope, r => new ProcoreCursor(r.Scope, r.Next, r.Done != 0), StringComparer.Ordinal);
    }

    /// <summary>The Procore ids of the projects synced so far (our jobs of origin 'procore').</summary>
    public async Task<IReadOnlyList<string>> ProjectIdsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT source_id FROM project_jobs WHERE origin = 'procore' ORDER BY CAST(source_id AS INTEGER)", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Forgets where a full sync stood (and, with <paramref name="watermark"/>, the incremental watermark too).</summary>
    public async Task ResetCursorsAsync(bool watermark, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM procore_sync_cursors" + (watermark ? "; DELETE FROM procore_sync_state WHERE key = 'updated_since'" : ""),
            transaction: unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    public Task<string?> StateAsync(string key, CancellationToken cancellationToken) => _state.GetAsync(key, cancellationToken);

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) => _state.SetAsync(key, value, cancellationToken);
}
