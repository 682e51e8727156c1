using System.Data.Common;
using System.Globalization;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Sweeps;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Pricebook;

/// <summary>An item's stored cost (unit_cost_e4) and sell price (cents).</summary>
public sealed record ItemPrice(string ItemId, long UnitCostE4, long? SellPriceCents);

/// <summary>The pricebook changed under a proposal (someone edited the item since): nothing is written; names the item.</summary>
public sealed class PricebookConflictException(string message) : Exception(message);

/// <summary>
/// The only writer of pricebook prices, used by the gate's executor (issue 8). Each write is one transaction that
/// checks the item still holds what the proposal saw, and records the idempotency key with the change, so a retry
/// after a crash finds the key and writes nothing twice (DESIGN.md rule 4). Issue 17: each price moved is journaled
/// (<see cref="ChangeJournalStore"/>) in the same transaction, as every other executor's writes are, so the report cache
/// and the incremental sweep see exactly which items changed instead of an unknown write.
/// </summary>
public sealed class PricebookWriter
{
    public async Task<IReadOnlyList<ItemPrice>> PricesAsync(TenantData tenant, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = (await connection.QueryAsync<PriceRow>(new CommandDefinition(
            // Ids as one JSON parameter: Dapper expands `IN @list` on SQLite but passes an array as-is to Npgsql.
            $"SELECT id AS Id, unit_cost_e4 AS UnitCostE4, sell_price_cents AS SellPriceCents FROM pricebook_items WHERE {StoreSql.InJson(connection, "id", "@itemIds")}",
            new { itemIds = System.Text.Json.JsonSerializer.Serialize(itemIds) }, connectionUnit.Transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        return itemIds.Select(id => rows.TryGetValue(id, out var r)
            ? new ItemPrice(id, r.UnitCostE4, r.SellPriceCents)
            : throw new PricebookConflictException($"Pricebook item {id} does not exist.")).ToList();
    }

    /// <summary>Moves each item from <paramref name="expected"/> to <paramref name="updated"/>; false when this key was already applied.</summary>
    public async Task<bool> ApplyAsync(
        TenantData tenant, string idempotencyKey, long proposalId, IReadOnlyList<ItemPrice> expected, IReadOnlyList<ItemPrice> updated, string at,
        CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = unit.Connection;
        var transaction = unit.Transaction!;
        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM pricebook_applied_updates WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, transaction,
            cancellationToken: cancellationToken));
        if (done > 0)
        {
            return false;
        }

        await MoveAsync(connection, transaction, expected, updated, "changed since the proposal was made", cancellationToken);
        await JournalAsync(tenant, updated, "pricebook:update", connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pricebook_applied_updates (idempotency_key, proposal_id, applied_at, items) VALUES (@idempotencyKey, @proposalId, @at, @count)",
            new { idempotencyKey, proposalId, at, count = updated.Count }, transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Puts back <paramref name="prior"/> exactly, provided each item still holds what was <paramref name="written"/> (or already holds the prior).</summary>
    public async Task RestoreAsync(
        TenantData tenant, string idempotencyKey, IReadOnlyList<ItemPrice> prior, IReadOnlyList<ItemPrice> written, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = unit.Connection;
        var transaction = unit.Transaction!;
        var current = (await connection.QueryAsync<PriceRow>(new CommandDefinition(
            $"SELECT id AS Id, unit_cost_e4 AS UnitCostE4, sell_price_cents AS SellPriceCents FROM pricebook_items WHERE {StoreSql.InJson(connection, "id", "@ids")}",
            new { ids = System.Text.Json.JsonSerializer.Serialize(prior.Select(p => p.ItemId)) }, transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        var stillWritten = written.Where(w => current.TryGetValue(w.ItemId, out var c) && c.Matches(w)).ToList();
        var alreadyPrior = prior.Where(p => current.TryGetValue(p.ItemId, out var c) && c.Matches(p)).Select(p => p.ItemId).ToHashSet();
        var moved = written.Where(w => !alreadyPrior.Contains(w.ItemId) && !stillWritten.Contains(w)).Select(w => w.ItemId).ToList();
        if (moved.Count > 0)
        {
            throw new PricebookConflictException(
                $"Cannot undo: pricebook item(s) {string.Join(", ", moved)} changed after this update; restoring would overwrite that change.");
        }

        var priorById = prior.ToDictionary(p => p.ItemId);
        await MoveAsync(connection, transaction, stillWritten, stillWritten.Select(w => priorById[w.ItemId]).ToList(), "changed", cancellationToken);
        await JournalAsync(tenant, stillWritten, "pricebook:undo", connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pricebook_applied_updates WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, transaction,
            cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Issue 17: the items whose prices moved, as the change journal's "item" rows of pricebook_items (the two price columns).</summary>
    private static Task JournalAsync(
        TenantData tenant, IReadOnlyList<ItemPrice> moved, string source, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ChangeJournalStore.RecordAsync(moved.Select(m => new ChangedEntity("item", m.ItemId, PricesTable, PriceColumns)), source,
            tenant.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), connection, transaction, cancellationToken);

    /// <summary>The table and the columns (schema order) a price move writes.</summary>
    public const string PricesTable = "pricebook_items";

    private const string PriceColumns = "unit_cost_e4,sell_price_cents";

    private static async Task MoveAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ItemPrice> from, IReadOnlyList<ItemPrice> to, string why,
        CancellationToken cancellationToken)
    {
        // IS NOT DISTINCT FROM (both engines), not SQLite's `IS` with a value, which PostgreSQL refuses: the executor failed
        // on PostgreSQL until issue 17's property test drove a price update through the gate there.
        for (var i = 0; i < from.Count; i++)
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE pricebook_items SET unit_cost_e4 = @NewCost, sell_price_cents = @NewSell
                WHERE id = @Id AND unit_cost_e4 = @OldCost AND sell_price_cents IS NOT DISTINCT FROM @OldSell
                """,
                new { Id = from[i].ItemId, NewCost = to[i].UnitCostE4, NewSell = to[i].SellPriceCents,
                    OldCost = from[i].UnitCostE4, OldSell = from[i].SellPriceCents },
                transaction, cancellationToken: cancellationToken));
            if (changed != 1)
            {
                throw new PricebookConflictException($"Pricebook item {from[i].ItemId} {why}: nothing was written.");
            }
        }
    }

    private sealed class PriceRow
    {
        public string Id { get; init; } = "";
        public long UnitCostE4 { get; init; }
        public long? SellPriceCents { get; init; }

        public bool Matches(ItemPrice price) => UnitCostE4 == price.UnitCostE4 && SellPriceCents == price.SellPriceCents;
    }
}
