using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Exports;

/// <summary>A name a person resolved once (issue 14): <see cref="RecordId"/> null means "a new record".</summary>
public sealed record ExportNameDecision(string Source, string Entity, string NameKey, string? RecordId);

/// <summary>
/// What a person told the export importer once (issue 14): the confirmed column mapping per source and kind of export
/// (<c>export_mappings</c>) and the names resolved by hand (<c>export_name_decisions</c>).
/// </summary>
public sealed class ExportImportStore(TenantData tenant)
{
    public async Task<IReadOnlyDictionary<string, string>> MappingJsonAsync(string source, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(string Kind, string Json)>(new CommandDefinition(
            "SELECT kind, mapping_json FROM export_mappings WHERE source = @source", new { source }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Kind, r => r.Json, StringComparer.Ordinal);
    }

    public async Task SaveMappingAsync(string source, string kind, string mappingJson, string by, string at, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO export_mappings (source, kind, mapping_json, saved_at, saved_by) VALUES (@source, @kind, @mappingJson, @at, @by)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "source, kind")}) DO UPDATE SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at, saved_by = excluded.saved_by
            """, new { source, kind, mappingJson, by, at }, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExportNameDecision>> NameDecisionsAsync(string source, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<ExportNameDecision>(new CommandDefinition(
            """
            SELECT source AS Source, entity AS Entity, name_key AS NameKey, record_id AS RecordId
            FROM export_name_decisions WHERE source = @source
            """, new { source }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task SaveNameDecisionAsync(ExportNameDecision decision, string by, string at, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO export_name_decisions (source, entity, name_key, record_id, decided_at, decided_by)
            VALUES (@Source, @Entity, @NameKey, @RecordId, @at, @by)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "source, entity, name_key")}) DO UPDATE SET record_id = excluded.record_id,
                decided_at = excluded.decided_at, decided_by = excluded.decided_by
            """, new { decision.Source, decision.Entity, decision.NameKey, decision.RecordId, at, by },
            transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }
}
