using System.Globalization;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Memory;

/// <summary>Narratives by the hash of their facts (issue 4): an unchanged finding costs no model call on the next sweep.</summary>
public sealed class NarrationCacheStore(TenantData tenant)
{
    public sealed record Entry(string Narrative, string Source, string PromptHash);

    public async Task<Entry?> GetAsync(string factsHash, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<CacheRow>(new CommandDefinition(
            "SELECT narrative AS Narrative, source AS Source, prompt_hash AS PromptHash FROM narration_cache WHERE facts_hash = @factsHash",
            new { factsHash }, cancellationToken: cancellationToken));
        return row is null ? null : new Entry(row.Narrative, row.Source, row.PromptHash);
    }

    public async Task PutAsync(string factsHash, string subjectKey, Entry entry, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO narration_cache (facts_hash, subject_key, narrative, source, prompt_hash, created_at)
            VALUES (@factsHash, @subjectKey, @Narrative, @Source, @PromptHash, @at)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "facts_hash")}) DO UPDATE SET narrative = excluded.narrative, source = excluded.source,
                prompt_hash = excluded.prompt_hash, created_at = excluded.created_at
            """,
            new { factsHash, subjectKey, entry.Narrative, entry.Source, entry.PromptHash, at = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    private sealed class CacheRow
    {
        public string Narrative { get; init; } = "";
        public string Source { get; init; } = "";
        public string PromptHash { get; init; } = "";
    }
}
