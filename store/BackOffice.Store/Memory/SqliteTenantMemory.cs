using System.Globalization;
using BackOffice.Domain.Memory;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Memory;

/// <summary>
/// The embedded default memory store (issue 4): the memory_items table in the tenant's own database, so tenant
/// isolation is the same as for all its other data: a separate file (DESIGN.md rule 6). Search is a linear cosine scan,
/// fine for the thousands of items one contractor's memory holds; Qdrant is the store for more.
/// Each row records the embedder space of its vector; a search compares only rows of the query's space, so a vector
/// written while the OpenAI-compatible embedder was down (hashed fallback) is never scored against a model vector. Such
/// rows are still found by kind and key, and the learner does not advance its watermark past a sweep that fell back, so
/// those decisions are learned again, in the configured space, once the endpoint is back (issues 4 and 12).
/// </summary>
public sealed class SqliteTenantMemory(TenantData data, ITextEmbedder embedder) : ITenantMemory
{
    public string Tenant => data.Tenant;

    public async Task RememberAsync(MemoryItem item, CancellationToken cancellationToken)
    {
        var embedding = await embedder.EmbedAsync(item.Text, cancellationToken);
        var vector = HashedNgramEmbedder.ToBytes(embedding.Vector);
        // Issue 18: in a write unit, so on PostgreSQL it queues on the tenant's write lock like every other store write.
        await data.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO memory_items (kind, key, text, value, source, learned_at, vector, space)
            VALUES (@Kind, @Key, @Text, @Value, @Source, @LearnedAt, @Vector, @Space)
            ON CONFLICT ({unit.ConflictOn("kind, key")}) DO UPDATE SET text = excluded.text, value = excluded.value, source = excluded.source,
                learned_at = excluded.learned_at, vector = excluded.vector, space = excluded.space
            """,
            new
            {
                item.Kind, item.Key, item.Text, item.Value, item.Source, LearnedAt = item.LearnedAt.ToString("O", CultureInfo.InvariantCulture),
                Vector = vector, embedding.Space,
            },
            unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>How many items of each embedder space the store holds (for `memory` diagnostics and tests).</summary>
    public async Task<IReadOnlyDictionary<string, long>> SpacesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await data.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(string Space, long Count)>(new CommandDefinition(
            "SELECT space, COUNT(*) FROM memory_items GROUP BY space ORDER BY space", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Space, r => r.Count, StringComparer.Ordinal);
    }

    public async Task<MemoryItem?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await data.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<MemoryRow>(new CommandDefinition(
            Select + " WHERE kind = @kind AND key = @key", new { kind, key }, cancellationToken: cancellationToken));
        return row?.ToItem();
    }

    public async Task<IReadOnlyList<MemoryItem>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await data.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<MemoryRow>(new CommandDefinition(
            Select + " WHERE kind = @kind ORDER BY key", new { kind }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }

    public async Task<IReadOnlyList<MemoryMatch>> SearchAsync(string text, string? kind, int limit, CancellationToken cancellationToken)
    {
        var query = await embedder.EmbedAsync(text, cancellationToken);
        await using var connectionUnit = await data.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<MemoryRow>(new CommandDefinition(
            Select + " WHERE (@kind IS NULL OR kind = @kind) AND space = @space", new { kind, space = query.Space }, cancellationToken: cancellationToken));
        return rows.Select(r => new MemoryMatch(r.ToItem(), HashedNgramEmbedder.Cosine(query.Vector, HashedNgramEmbedder.FromBytes(r.Vector))))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Item.Key, StringComparer.Ordinal).Take(limit).ToList();
    }

    private const string Select =
        "SELECT kind AS Kind, key AS Key, text AS Text, value AS Value, source AS Source, learned_at AS LearnedAt, vector AS Vector FROM memory_items";

    private sealed class MemoryRow
    {
        public string Kind { get; init; } = "";
        public string Key { get; init; } = "";
        public string Text { get; init; } = "";
        public string Value { get; init; } = "";
        public string Source { get; init; } = "";
        public string LearnedAt { get; init; } = "";
        public byte[] Vector { get; init; } = [];

        public MemoryItem ToItem() =>
            new(Kind, Key, Text, Value, Source, DateTimeOffset.Parse(LearnedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
