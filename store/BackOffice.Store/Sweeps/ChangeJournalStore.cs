using Dapper;
using System.Data.Common;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sweeps;

/// <summary>A journal row: the sequence, what was touched, and by which write (issue 18).</summary>
public sealed record JournalEntry(long Seq, string Kind, string Key, string Source);

/// <summary>The one reader and writer of change_journal (issue 18): which entities each write to the books touched.</summary>
public sealed class ChangeJournalStore(TenantData tenant)
{
    /// <summary>Records the entities inside the writer's transaction, so the journal commits with the change or not at all.</summary>
    internal static async Task RecordAsync(
        IEnumerable<ChangedEntity> entities, string source, string recordedAt, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var rows = entities.Distinct().OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new { e.Kind, e.Key, source, recordedAt }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO change_journal (kind, entity_key, source, recorded_at) VALUES (@Kind, @Key, @source, @recordedAt)",
            rows, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The highest sequence recorded (0 when nothing was).</summary>
    public async Task<long> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) FROM change_journal", cancellationToken: cancellationToken));
    }

    /// <summary>Entries after <paramref name="seq"/>, in order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> SinceAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<(long Seq, string Kind, string Key, string Source)>(new CommandDefinition(
            "SELECT seq, kind, entity_key, source FROM change_journal WHERE seq > @seq ORDER BY seq", new { seq }, cancellationToken: cancellationToken));
        return rows.Select(r => new JournalEntry(r.Seq, r.Kind, r.Key, r.Source)).ToList();
    }
}
