using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>A note to mirror a change order on the side that lacks it, as stored (0750_financial_notes.sql, issue 3).</summary>
public sealed record FinancialNote(string IdempotencyKey, string CommitmentId, string LackingSide, string Text, long ProposalId, string CreatedAt);

/// <summary>Reads and writes financial_notes; one row per approved proposal, keyed by its idempotency key.</summary>
public sealed class FinancialNoteStore(TenantData tenant)
{
    private const string Columns =
        "idempotency_key AS IdempotencyKey, commitment_id AS CommitmentId, lacking_side AS LackingSide, text AS Text, proposal_id AS ProposalId, created_at AS CreatedAt";

    public async Task<FinancialNote?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<NoteRow>(new CommandDefinition(
            $"SELECT {Columns} FROM financial_notes WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
        return row?.ToNote();
    }

    /// <summary>Keys of every stored note: the sweep proposes no note that is already there.</summary>
    public async Task<IReadOnlySet<string>> KeysAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var keys = await connection.QueryAsync<string>(new CommandDefinition("SELECT idempotency_key FROM financial_notes", cancellationToken: cancellationToken));
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Inserts the note unless one with the same key exists (a retry after a crash writes nothing more); returns the stored note.</summary>
    public async Task<FinancialNote> AddOnceAsync(FinancialNote note, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO financial_notes (idempotency_key, commitment_id, lacking_side, text, proposal_id, created_at)
            VALUES (@IdempotencyKey, @CommitmentId, @LackingSide, @Text, @ProposalId, @CreatedAt) ON CONFLICT ({StoreSql.ConflictOn(connection, "idempotency_key")}) DO NOTHING
            """, note, connectionUnit.Transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<NoteRow>(new CommandDefinition(
            $"SELECT {Columns} FROM financial_notes WHERE idempotency_key = @IdempotencyKey", note, connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
        return row.ToNote();
    }

    public async Task DeleteAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM financial_notes WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
    }

    private sealed class NoteRow
    {
        public string IdempotencyKey { get; init; } = "";
        public string CommitmentId { get; init; } = "";
        public string LackingSide { get; init; } = "";
        public string Text { get; init; } = "";
        public long ProposalId { get; init; }
        public string CreatedAt { get; init; } = "";

        public FinancialNote ToNote() => new(IdempotencyKey, CommitmentId, LackingSide, Text, ProposalId, CreatedAt);
    }
}
