using System.Data.Common;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>Counts of one applied batch.</summary>
public sealed record SyncCounts(int Read, int Added, int Changed, int Deleted)
{
    public static SyncCounts Zero { get; } = new(0, 0, 0, 0);

    public SyncCounts Plus(SyncCounts other) =>
        new(Read + other.Read, Added + other.Added, Changed + other.Changed, Deleted + other.Deleted);
}

/// <summary>A full sync's place in one entity: the next STARTPOSITION, or done.</summary>
public sealed record SyncCursor(string Entity, long NextPosition, bool Done);

/// <summary>
/// Applies QuickBooks batches to the canonical ledger tables, each batch with its cursor in one write unit (issue 13):
/// a sweep sees the books as of the last completed batch, and an interrupted sync resumes from the saved cursor.
/// </summary>
public sealed class QuickBooksSyncStore(TenantData tenant)
{
    /// <summary>The entities a sync reads, in the order they are applied (names before the transactions that use them).</summary>
    public static IReadOnlyList<string> Entities => QuickBooksLedgerRows.Entities;

    /// <summary>Applies one page or CDC group and, with it, the cursor; all or nothing.</summary>
    public async Task<SyncCounts> ApplyAsync(string entity, IReadOnlyList<JsonObject> items, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        // QuickBooks owns its references: a sub-customer may arrive a page before its parent, a payment may link an
        // invoice of a later page, an item-based bill line has no account. Foreign keys are checked off for the batch
        // (SQLite only changes the pragma outside a transaction) and back on before the connection returns to the pool.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: cancellationToken));
        try
        {
            return await ApplyBatchAsync(connection, entity, items, cursor, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON", cancellationToken: CancellationToken.None));
        }
    }

    private static async Task<SyncCounts> ApplyBatchAsync(
        DbConnection connection, string entity, IReadOnlyList<JsonObject> items, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        var unit = DataUnit.Over(connection, transaction);
        int added = 0, changed = 0, deleted = 0;
        foreach (var item in items)
        {
            switch (await QuickBooksLedgerRows.ApplyAsync(unit.Connection, unit.Transaction!, entity, item, cancellationToken))
            {
                case SyncOutcome.Added: added++; break;
                case SyncOutcome.Changed: changed++; break;
                case SyncOutcome.Deleted: deleted++; break;
            }
        }

        if (cursor is not null)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO quickbooks_sync_cursors (entity, next_position, done) VALUES (@Entity, @NextPosition, @Done)
                ON CONFLICT (entity) DO UPDATE SET next_position = excluded.next_position, done = excluded.done
                """, cursor, unit.Transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new SyncCounts(items.Count, added, changed, deleted);
    }

    public async Task<IReadOnlyDictionary<string, SyncCursor>> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Entity, long Next, long Done)>(new CommandDefinition(
            "SELECT entity, next_position, done FROM quickbooks_sync_cursors", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Entity, r => new SyncCursor(r.Entity, r.Next, r.Done != 0), StringComparer.Ordinal);
    }

    /// <summary>Forgets where a full sync stood, so the next one starts from the first page.</summary>
    public async Task ResetCursorsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quickbooks_sync_cursors; DELETE FROM quickbooks_sync_state WHERE key = 'changed_since'",
            transaction: unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    public async Task<string?> StateAsync(string key, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM quickbooks_sync_state WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }

    public async Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO quickbooks_sync_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }
}
